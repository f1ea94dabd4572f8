import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { officialAreas } from '@inovasi/api/areas';
import { PlatformRepository, platformAdminScope, provisionTable, ScopedClientFactory } from '@inovasi/data';
import { seedDemoData, seedDemoEvidence, startLocalStack } from '@inovasi/local';

const stack = await startLocalStack();
try {
  const admin = new DynamoDBClient({
    region: stack.config.region,
    endpoint: stack.config.dynamoEndpoint,
    credentials: stack.config.credentials,
  });
  await provisionTable(admin, 'tab2');
  const data = new ScopedClientFactory({ ...stack.config, tableName: 'tab2' });
  // mark evidence as seeded so seedDemoData skips it
  await new PlatformRepository(data.forScope(platformAdminScope)).markSeeded('demo-evidence-v1');
  const t = Date.now();
  await seedDemoData(data, officialAreas());
  console.log('seed without evidence', Date.now() - t);
  await provisionTable(admin, 'tab3');
  const data3 = new ScopedClientFactory({ ...stack.config, tableName: 'tab3' });
  await seedDemoData(data3, officialAreas());
  console.log('seed with evidence', Date.now() - t);
} finally {
  await stack.stop();
}
