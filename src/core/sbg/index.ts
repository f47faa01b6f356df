/*
 * Contractual retention: the shifted-beta-geometric (sBG) model of Fader & Hardie (2007, 2010) — fit from survivor
 * series or a cohort triangle, survival and retention curves, discounted expected (residual) lifetime and CLV.
 * Re-exported by the core barrel.
 */
export type { SbgModel, SbgParams } from './types';
export { fitSbg } from './fitSbg';
export { sbgChurnProbability, sbgRetention, sbgSurvival } from './sbgSurvival';
export { sbgLifetime } from './sbgLifetime';
export type { SbgLifetime, SbgLifetimeTerms } from './sbgLifetime';
export { sbgClv } from './sbgClv';
export type { SbgClv, SbgClvTerms } from './sbgClv';
