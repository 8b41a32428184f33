package dev.keyline.launcher;

/** Host, port and credentials with which the services connect to PostgreSQL. */
public record PostgresAddress(String host, int port, String user, String password) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Returns the URL in the form of the Vert.x reactive PostgreSQL client, which Hibernate Reactive uses. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** Describes the address without the password. */
    @Override
    public String toString() {
        return "PostgresAddress[" + user + "@" + host + ":" + port + "]";
    }
}
