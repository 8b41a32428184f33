package dev.keyline.station.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.station.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenseOutputParserTest {

    @Test
    void dlvBlocksSplitOnName() {
        LicenseOutput output = LicenseOutputParser.parse(Fixtures.artifact("slmgr-dlv-two-blocks-crlf.txt"));

        assertThat(output.format()).isEqualTo("slmgr");
        assertThat(output.blocks()).hasSize(2);
        LicenseBlock windows = output.blocks().get(0);
        assertThat(windows.name()).isEqualTo("Windows(R), IoTEnterprise edition");
        assertThat(windows.partialKey()).isEqualTo("7QX4M");
        assertThat(windows.status()).isEqualTo(LicenseStatus.LICENSED);
        assertThat(windows.productKeyChannel()).isEqualTo("OEM:DM");
        assertThat(windows.channelSource()).isEqualTo("description");
        assertThat(windows.inUse()).isTrue();
        LicenseBlock addOn = output.blocks().get(1);
        assertThat(addOn.inUse()).isFalse();
        assertThat(addOn.productKeyChannel()).isEqualTo("Retail");
        assertThat(output.unknownLabels()).isEmpty();
        assertThat(output.problems()).isEmpty();
        assertThat(output.primary()).contains(windows);
    }

    @Test
    void addOnListedFirstSkipped() {
        // slmgr /dlv lists Extended Security Updates beside Windows, and an ESU's name mentions Windows too.
        LicenseOutput output = LicenseOutputParser.parse(
                """
                Name: Windows(R), Client-ESU-Year1 add-on for Windows 10
                Description: Windows(R) Operating System, VOLUME_MAK channel
                Partial Product Key: 9GCHT
                License Status: Licensed

                Name: Windows(R), IoTEnterprise edition
                Description: Windows(R) Operating System, OEM_DM channel
                Partial Product Key: 7QX4M
                License Status: Notification
                Notification Reason: 0xC004F009.
                """);

        assertThat(output.blocks()).hasSize(2);
        assertThat(output.primary()).contains(output.blocks().get(1));
        assertThat(output.primary().orElseThrow().status()).isEqualTo(LicenseStatus.NOTIFICATION);
    }

    @Test
    void addOnNeverTheWindowsLicense() {
        // The Windows block's key line is cut off, an ESU block is alone, or WMI spells the add-on "addon".
        String esu =
                """
                Name: Windows(R), Client-ESU-Year1 add-on for Windows 10
                Partial Product Key: 9GCHT
                License Status: Licensed
                """;
        List<LicenseOutput> outputs = List.of(
                LicenseOutputParser.parse(
                        esu
                                + """

                        Name: Windows(R), IoTEnterprise edition
                        License Status: Notification
                        """),
                LicenseOutputParser.parse(esu),
                LicenseOutputParser.parse("[{\"Name\": \"Windows(R), Client-ESU-Year1 addon for Windows 10\","
                        + " \"PartialProductKey\": \"9GCHT\", \"LicenseStatus\": 1}]"));

        for (LicenseOutput output : outputs) {
            assertThat(output.primary()).isEmpty();
            assertThat(output.addOnsOnlyProblem())
                    .contains("only add-on licenses have a partial key, so no Windows license was read and nothing"
                            + " was booked; send the output of slmgr /dlv with the Windows license's Partial Product"
                            + " Key line");
        }
    }

    @Test
    void repeatedStatusBooksNothing() {
        LicenseOutput output = LicenseOutputParser.parse(
                """
                Name: Windows(R), IoTEnterprise edition
                Partial Product Key: 7QX4M
                License Status: Licensed
                License Status: Unlicensed
                """);

        assertThat(output.primary().orElseThrow().status()).isEqualTo(LicenseStatus.UNKNOWN);
        assertThat(output.problems())
                .containsExactly("license 'Windows(R), IoTEnterprise edition': license status is given twice, as"
                        + " 'Licensed' and 'Unlicensed', so nothing was booked for it; send the output as the tool"
                        + " wrote it");
    }

    @Test
    void germanLabelsRead() {
        LicenseOutput output = LicenseOutputParser.parse(Fixtures.artifact("slmgr-dli-german.txt"));

        LicenseBlock block = output.blocks().get(0);
        assertThat(block.status()).isEqualTo(LicenseStatus.NOTIFICATION);
        assertThat(block.statusText()).isEqualTo("Benachrichtigung");
        assertThat(block.partialKey()).isEqualTo("H2K9D");
        assertThat(block.notificationReason()).isEqualTo("0xC004F009");
        assertThat(block.productKeyChannel()).isEqualTo("Volume:MAK");
        assertThat(block.channelSource()).isEqualTo("product-key-channel");
        assertThat(output.unknownLabels()).isEmpty();
    }

    @Test
    void unknownLabelsReportedNotGuessed() {
        LicenseOutput output = LicenseOutputParser.parse(Fixtures.artifact("slmgr-unknown-labels.txt"));

        assertThat(output.unknownLabels()).containsExactly("Flux Capacitor Setting");
        assertThat(output.blocks()).hasSize(1);
        assertThat(output.blocks().get(0).status()).isEqualTo(LicenseStatus.UNLICENSED);
        assertThat(output.blocks().get(0).productKeyChannel()).isEqualTo("Volume:MAK");
    }

    @Test
    void unlicensedNotReadAsLicensed() {
        LicenseOutput output = LicenseOutputParser.parse(
                "Name: Windows(R), IoTEnterprise edition\nPartial Product Key: H2K9D\nLicense Status: Unlicensed\n");

        assertThat(output.blocks().get(0).status()).isEqualTo(LicenseStatus.UNLICENSED);
    }

    @Test
    void jsonWrittenAgainOnlyWhenAlone() {
        String alone = "{\"Name\": \"a\\u002db\"}";
        String followed = alone + "\nInstalled product key TSTAA-BBBBB-CCCCC-DDDDD-7QX4M";

        assertThat(LicenseOutputParser.withoutJsonEscapes(alone)).isEqualTo("{\n  \"Name\" : \"a-b\"\n}");
        assertThat(LicenseOutputParser.withoutJsonEscapes(followed)).isEqualTo(followed);
    }

    @Test
    void maskedKeyAsPartialKeyRead() {
        LicenseOutput output = LicenseOutputParser.parse("Name: Windows(R), IoTEnterprise edition\n"
                + "Partial Product Key: *****-*****-*****-*****-h2k9d\nLicense Status: Licensed\n");

        assertThat(output.blocks().get(0).partialKey()).isEqualTo("H2K9D");
        assertThat(output.problems()).isEmpty();
    }

    @Test
    void keyAsPartialKeyNotEchoed() {
        for (String written : List.of("tstaabbbbbcccccddddd7qx4m", "TSTAA BBBBB CCCCC DDDDD 7QX4M")) {
            LicenseOutput output = LicenseOutputParser.parse("Name: Windows(R), IoTEnterprise edition\n"
                    + "Partial Product Key: " + written + "\nLicense Status: Licensed\n");

            assertThat(output.blocks().get(0).partialKey()).isNull();
            assertThat(output.problems())
                    .singleElement()
                    .asString()
                    .endsWith("partial product key '*****-*****-*****-*****-7QX4M' is not 5 letters or digits");
        }
    }

    @Test
    void cutOffOutputReported() {
        String cutOff = Fixtures.artifact("slmgr-dli-cut-off.txt");

        LicenseOutput output = LicenseOutputParser.parse(cutOff);

        assertThat(output.blocks()).singleElement().satisfies(block -> assertThat(block.status())
                .isEqualTo(LicenseStatus.UNKNOWN));
        assertThat(output.problems())
                .containsExactly("license 'Windows(R), IoTEnterprise edition': no license status, so nothing was"
                        + " booked for it; send the whole output of slmgr /dli or /dlv");
    }

    @Test
    void unknownStatusReported() {
        LicenseOutput output =
                LicenseOutputParser.parse("Name: Windows(R), IoTEnterprise edition\nLicense Status: Mostly licensed\n");

        assertThat(output.blocks().get(0).status()).isEqualTo(LicenseStatus.UNKNOWN);
        assertThat(output.problems())
                .containsExactly(
                        "license 'Windows(R), IoTEnterprise edition': license status 'Mostly licensed' is not a"
                                + " known status, so nothing was booked for it; send the output as the tool wrote it");
    }

    @Test
    void wmiListRead() {
        LicenseOutput output = LicenseOutputParser.parse(Fixtures.artifact("wmi-list.txt"));

        assertThat(output.format()).isEqualTo("wmi");
        assertThat(output.blocks()).hasSize(2);
        LicenseBlock windows = output.blocks().get(0);
        assertThat(windows.status()).isEqualTo(LicenseStatus.NOTIFICATION);
        assertThat(windows.notificationReason()).isEqualTo("0xC004F009");
        assertThat(windows.partialKey()).isEqualTo("7QX4M");
        assertThat(windows.productKeyChannel()).isEqualTo("OEM:DM");
        assertThat(output.blocks().get(1).inUse()).isFalse();
        assertThat(output.blocks().get(1).status()).isEqualTo(LicenseStatus.UNLICENSED);
        assertThat(output.unknownLabels()).isEmpty();
    }

    @Test
    void jsonDecimalReasonConverted() {
        LicenseOutput output = LicenseOutputParser.parse(Fixtures.artifact("wmi.json"));

        assertThat(output.format()).isEqualTo("json");
        LicenseBlock windows = output.blocks().get(0);
        assertThat(windows.status()).isEqualTo(LicenseStatus.LICENSED);
        assertThat(windows.notificationReason()).isEqualTo("0x4004F401");
        assertThat(output.blocks().get(1).partialKey()).isNull();
        assertThat(output.unknownLabels()).containsExactly("KeyManagementServicePort");
    }

    @Test
    void hresultsNormalized() {
        assertThat(Hresults.normalize("0xc004f009.")).contains("0xC004F009");
        assertThat(Hresults.normalize("-1073418231")).contains("0xC004F009");
        assertThat(Hresults.normalize("3221549065")).contains("0xC004F009");
        assertThat(Hresults.normalize("C004F009")).isEmpty();
    }
}
