package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestCommitmentsTest {

    @Test
    void countsOtherDevicesPerKey() {
        RequestCommitments commitments = new RequestCommitments();
        commitments.add("KEY-A", "SN-1");
        commitments.add("KEY-A", "SN-2");
        commitments.add("KEY-B", "SN-3");

        assertThat(commitments.before("KEY-A", "SN-9")).isEqualTo(2);
        assertThat(commitments.before("KEY-A", "SN-1")).as("the device itself").isEqualTo(1);
        assertThat(commitments.before("KEY-B", "SN-9")).isEqualTo(1);
        assertThat(commitments.before("KEY-C", "SN-9")).isZero();
    }
}
