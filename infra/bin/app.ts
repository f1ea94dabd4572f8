import { buildApp } from '../lib/app.ts';

// The CDK CLI passes cdk.json's context and `-c` values through the environment; App reads them.
buildApp();
