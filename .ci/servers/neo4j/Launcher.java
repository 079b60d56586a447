import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Embedded Neo4j 5 community DBMS for geokg's integration tests.
 *
 * <p>Usage: {@code java -cp CLASSPATH Launcher HOME_DIR HOST PORT}, password in env
 * {@code NEO4J_PASSWORD}. Serves Bolt only (no HTTP), with authentication enabled for the
 * user {@code neo4j}. The password is seeded the way {@code neo4j-admin dbms
 * set-initial-password} does it (an {@code auth.ini} read when the system database is first
 * created), so there is no moment with the default password. Prints a line starting with
 * {@code READY} once the default database is available, and shuts down cleanly on SIGTERM.
 */
public final class Launcher {
    private static final String USER = "neo4j";
    private static final int MIN_PASSWORD_LENGTH = 8;

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Launcher HOME_DIR HOST PORT  (password in env NEO4J_PASSWORD)");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        SocketAddress bolt = new SocketAddress(args[1], Integer.parseInt(args[2]));
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "");
        if (password.length() < MIN_PASSWORD_LENGTH) {
            System.err.println("NEO4J_PASSWORD must have at least " + MIN_PASSWORD_LENGTH + " characters");
            System.exit(2);
        }

        seedInitialPassword(home, password);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // Tests try wrong passwords on purpose; never lock the user out.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(128))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
                // Internal settings (pinned version): Bolt waits 2 x 5 s for clients on shutdown
                // by default; a test server has none worth waiting for.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("geokg-neo4j: shutting down");
            dbms.shutdown();
            stopped.countDown();
        }, "geokg-neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            System.err.println("geokg-neo4j: default database did not become available");
            System.exit(1);
        }
        checkUserReady(dbms);
        System.out.println("READY geokg-neo4j bolt://" + bolt + " user " + USER);
        stopped.await();
    }

    /** Write {@code data/dbms/auth.ini}, which Neo4j reads once when it creates the system db. */
    private static void seedInitialPassword(Path home, String password) throws Exception {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        Path authIni = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        Files.createDirectories(authIni.getParent());
        Files.deleteIfExists(authIni);
        try (var fs = new DefaultFileSystemAbstraction()) {
            var users = new FileUserRepository(
                    fs, authIni, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            users.start();
            var credential = SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
            users.create(new User(USER, null, credential, false, false));
            users.shutdown();
        }
    }

    /** Fail loudly if the seeded user is missing or still has to change its password. */
    private static void checkUserReady(DatabaseManagementService dbms) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        boolean ready = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = $user "
                        + "RETURN count(*) = 1 AND NOT any(x IN collect(passwordChangeRequired) WHERE x) AS ok",
                Map.of("user", USER),
                result -> (Boolean) result.next().get("ok"));
        if (!ready) {
            System.err.println("geokg-neo4j: user '" + USER + "' is missing or must change its password"
                    + " (was the data directory reused? servers.sh start wipes it)");
            System.exit(1);
        }
    }
}
