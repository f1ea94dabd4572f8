import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local listening on one address only (loopback unless told otherwise).
 *
 * DynamoDB Local's command line has no bind-address option (its options are -port, -dbPath,
 * -inMemory, -sharedDb, -cors, -delayTransientStatuses, -optimizeDbBeforeStartup,
 * -disableTelemetry), and its Jetty server is built with `new Server(port)`, which listens on every
 * interface. This launcher builds the server exactly as DynamoDB Local's own `main` does, sets the
 * host of its one connector before it starts, and refuses to start if the server's shape is not
 * the one it knows: a newer jar then fails loudly instead of listening on every interface.
 *
 * Run as a single-file source program (`java -cp DynamoDBLocal.jar LoopbackDynamoDbLocal.java
 * <DynamoDB Local options>`); the host comes from the system property `inovasi.bindHost`.
 */
public final class LoopbackDynamoDbLocal {
  private LoopbackDynamoDbLocal() {}

  public static void main(String[] args) throws Exception {
    String host = System.getProperty("inovasi.bindHost", "127.0.0.1");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    if (proxy == null) throw new IllegalStateException("DynamoDB Local built no server from " + String.join(" ", args));
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length != 1 || !(connectors[0] instanceof ServerConnector)) {
      throw new IllegalStateException("unexpected DynamoDB Local connectors; refusing to listen on every interface");
    }
    ServerConnector connector = (ServerConnector) connectors[0];
    connector.setHost(host);
    proxy.start();
    System.out.println("DynamoDB Local listening on " + connector.getHost() + ":" + connector.getLocalPort());
  }
}
