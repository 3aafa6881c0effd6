package app.claimgraph.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Starts a real Neo4j Community DBMS with the Bolt connector on loopback and keeps it running
 * until the process receives SIGTERM/SIGINT, when it shuts the DBMS down cleanly.
 *
 * <p>Usage: {@code java -cp ... app.claimgraph.neo4j.LocalNeo4j <home-dir> <bolt-port> [pagecache] [parent-pid]}
 *
 * <p>When a parent PID is given the server also stops when that process ends, so a crashed or
 * killed launcher never leaves an orphaned database behind.
 *
 * <p>The launching process waits for the line {@code NEO4J_READY bolt://127.0.0.1:<port>} on
 * stdout. Authentication is off: the server listens on 127.0.0.1 only and exists for development
 * and CI; production deployments point NEO4J_URI at a managed server instead.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LocalNeo4j <home-dir> <bolt-port> [pagecache-size]");
            System.exit(64);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String pageCache = args.length > 2 ? args[2] : "256m";
        long parentPid = args.length > 3 ? Long.parseLong(args[3]) : -1;
        Files.createDirectories(home);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        if (parentPid > 0) {
            ProcessHandle.of(parentPid).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(0)),
                    () -> System.exit(0));
        }

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        // Wait until the default database accepts transactions before announcing readiness.
        while (!db.isAvailable(1000)) {
            // keep waiting
        }
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static long parseBytes(String size) {
        String s = size.trim().toLowerCase();
        long mult = 1;
        if (s.endsWith("g")) { mult = 1L << 30; s = s.substring(0, s.length() - 1); }
        else if (s.endsWith("m")) { mult = 1L << 20; s = s.substring(0, s.length() - 1); }
        else if (s.endsWith("k")) { mult = 1L << 10; s = s.substring(0, s.length() - 1); }
        return Long.parseLong(s) * mult;
    }
}
