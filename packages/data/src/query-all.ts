import { type DynamoDBDocumentClient, paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * Every item a query matches, all pages in order. The SDK's paginator sends each page through
 * `table` itself, so the tenant guard and any instrumentation installed on it see every page.
 */
export async function queryAll(
  table: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  // A copy: the paginator writes each page's start key into the input object it is given.
  for await (const page of paginateQuery({ client: table }, { ...input })) items.push(...(page.Items ?? []));
  return items;
}
