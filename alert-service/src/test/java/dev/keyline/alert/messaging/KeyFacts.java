package dev.keyline.alert.messaging;

import dev.keyline.embedded.PostgresTestResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the key facts table directly, so a test can wait until a balance from the ledger topic was stored. */
final class KeyFacts {

    private KeyFacts() {}

    static boolean exists(String keyId) throws SQLException {
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT 1 FROM key_facts WHERE key_id = ? AND allotment IS NOT NULL")) {
            statement.setString(1, keyId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
