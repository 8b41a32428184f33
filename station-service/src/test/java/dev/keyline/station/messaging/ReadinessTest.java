package dev.keyline.station.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadinessTest {

    @Test
    void readinessUpWithKafkaAndDatabase() {
        JsonPath health =
                given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();

        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getString("checks.find { it.name == 'Kafka broker' }.status"))
                .isEqualTo("UP");
        assertThat(health.getInt("checks.find { it.name == 'Kafka broker' }.data.nodes"))
                .isEqualTo(1);
        assertThat(health.getList("checks.name"))
                .anySatisfy(name -> assertThat((String) name).containsIgnoringCase("database"));
    }
}
