// Warehouse SQL: the customer summary as one query description rendered per dialect (docs/warehouse.md).
export * from './sqlDialect';
export * from './customerSummarySql';
