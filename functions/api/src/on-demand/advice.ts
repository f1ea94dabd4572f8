/**
 * The advice search and the portfolio choice, loaded by the first request for advice or a
 * portfolio with `import()`: only those two routes run them (docs/decisions/0041).
 */
export { adviseWithLevers, choosePortfolio } from '@inovasi/core/scoring';
