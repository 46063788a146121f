import type { Scenario } from '../model/scenario.ts';
import { badGateway } from './badGateway.ts';
import { browserCacheHit } from './browserCacheHit.ts';
import { cacheHit } from './cacheHit.ts';
import { cacheMiss } from './cacheMiss.ts';
import { cdnHit } from './cdnHit.ts';
import { compressed } from './compressed.ts';
import { corsPreflight } from './corsPreflight.ts';
import { databaseDown } from './databaseDown.ts';
import { databaseUnreachable } from './databaseUnreachable.ts';
import { expiredCertificate } from './expiredCertificate.ts';
import { farAway } from './farAway.ts';
import { farAwayCdn } from './farAwayCdn.ts';
import { firstVisit } from './firstVisit.ts';
import { http2 } from './http2.ts';
import { indexedQuery } from './indexedQuery.ts';
import { invalidInput } from './invalidInput.ts';
import { kubernetes } from './kubernetes.ts';
import { loadBalanced } from './loadBalanced.ts';
import { loginSession } from './loginSession.ts';
import { notFound } from './notFound.ts';
import { nxdomain } from './nxdomain.ts';
import { plainHttp } from './plainHttp.ts';
import { rateLimited } from './rateLimited.ts';
import { poolExhausted } from './poolExhausted.ts';
import { postCreate } from './postCreate.ts';
import { serverError } from './serverError.ts';
import { redirectHttps } from './redirectHttps.ts';
import { repeatVisit } from './repeatVisit.ts';
import { rollingDeploy } from './rollingDeploy.ts';
import { slowQuery } from './slowQuery.ts';
import { tlsResumption } from './tlsResumption.ts';
import { unauthorized } from './unauthorized.ts';

/** Every scenario, in the order a course would meet them. */
export const SCENARIOS: readonly Scenario[] = [
  firstVisit,
  repeatVisit,
  browserCacheHit,
  plainHttp,
  redirectHttps,
  notFound,
  unauthorized,
  invalidInput,
  postCreate,
  loginSession,
  corsPreflight,
  slowQuery,
  indexedQuery,
  cacheMiss,
  cacheHit,
  cdnHit,
  nxdomain,
  expiredCertificate,
  databaseDown,
  databaseUnreachable,
  poolExhausted,
  farAway,
  farAwayCdn,
  loadBalanced,
  kubernetes,
  rollingDeploy,
  serverError,
  badGateway,
  rateLimited,
  tlsResumption,
  http2,
  compressed,
];

export const DEFAULT_SCENARIO_ID = 'first-visit';

/** The scenario with this id, or undefined. */
export const scenarioById = (id: string): Scenario | undefined => SCENARIOS.find((s) => s.id === id);
