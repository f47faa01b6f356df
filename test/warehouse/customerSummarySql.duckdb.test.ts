import { DuckDbEngine } from './duckdbEngine';
import { defineEngineCases } from './engineCases';

let engine: DuckDbEngine;

beforeAll(async () => {
  engine = await DuckDbEngine.open();
});
afterAll(() => {
  engine.close();
});

defineEngineCases(() => engine, 80);
