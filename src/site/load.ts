/**
 * The one impure module of src/site: reads the content collections once per build and
 * hands the values to the pure {@link buildSiteModel}. Pages import `getModel()`.
 */
import { getCollection, getLiveCollection } from 'astro:content';
import type { QuestionSet } from '../lib/schema/index.ts';
import { buildSiteModel, type SiteModel } from './model.ts';
import { buildDate } from './status.ts';
import { filterCombinations } from './filters.ts';
import { openFilterCombinations } from './open-questions.ts';

let cached: Promise<SiteModel> | undefined;

/** The site model, built on first use and shared by every page of the build. */
export function getModel(): Promise<SiteModel> {
  cached ??= (async () => {
    const [records, motions, programmes, curated, register] = await Promise.all([
      getRecords(),
      getCollection('motions'),
      getCollection('programmes'),
      getCollection('commitments'),
      getCollection('register'),
    ]);
    return buildSiteModel({
      records: records.map((e) => e.data),
      motions: motions.map((e) => e.data),
      programmes: programmes.map((e) => ({ id: e.id, data: e.data })),
      curated: curated.map((e) => ({ id: e.id, data: e.data })),
      register: register.map((e) => e.data),
      today: buildDate(process.env.VRAAGSPOOR_TODAY),
    });
  })();
  return cached;
}

/** All question sets from the live collection; a broken file fails the build with its message. */
async function getRecords(): Promise<{ id: string; data: QuestionSet }[]> {
  const { entries, error } = await getLiveCollection('records');
  if (error) throw error;
  return entries ?? [];
}

/** Absolute origin of the site for feeds and exports (no trailing slash). */
export function siteOrigin(site: URL | undefined): string {
  return (site?.href ?? 'http://127.0.0.1:4321/').replace(/\/$/, '');
}

let combos: Promise<ReturnType<typeof filterCombinations>> | undefined;

/** Every non-empty commitment filter combination, computed once per build. */
export function getCommitmentCombos(): Promise<ReturnType<typeof filterCombinations>> {
  combos ??= getModel().then((model) => filterCombinations(model.commitments));
  return combos;
}

let openCombos: Promise<ReturnType<typeof openFilterCombinations>> | undefined;

/** Every open-question filter combination with results, computed once per build. */
export function getOpenQuestionCombos(): Promise<ReturnType<typeof openFilterCombinations>> {
  openCombos ??= getModel().then((model) => openFilterCombinations(model.openQuestions));
  return openCombos;
}
