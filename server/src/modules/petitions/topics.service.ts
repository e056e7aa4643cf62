// The topic of a letter (issue #6, point 7): proposed by the model trained on officers' labels, or by the
// keyword lexicon while too few letters are labelled; an officer's correction retrains the model at once.
// The model (word counts of letters) is read in the caller's transaction (any scope may read it; a second
// connection would deadlock PGlite's single one) and written as system work only, after the caller's
// transaction. It is kept in memory per process and reloaded when another process retrained it.
import { inTransaction, type Tx } from '../../db/context.ts';
import { classify, type TopicClassification } from '../../domain/petitions/topics/classify.ts';
import { deserialize, emptyModel, labelledCount, retrain, serialize, type TopicModel } from '../../domain/petitions/topics/naive-bayes.ts';
import type { PetitionTopic } from '../../domain/petitions/topics/topics.ts';
import { SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';

type Cached = { model: TopicModel | null; trainedAt: number; checkedAt: number };
const cache = new WeakMap<object, Cached>();
/** How long a process trusts its copy before checking whether another process retrained. */
const RECHECK_MS = 30_000;

async function loadRow(tx: Tx) {
  return tx.selectFrom('petition_topic_model').select(['model', 'labelled', 'trained_at']).where('id', '=', 1).executeTakeFirst();
}

export async function topicModel(ctx: AppContext, tx: Tx): Promise<TopicModel | null> {
  const key = ctx.database;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.checkedAt < RECHECK_MS) return hit.model;
  const row = await loadRow(tx);
  const trainedAt = row ? new Date(row.trained_at).getTime() : 0;
  const model = hit && hit.trainedAt === trainedAt ? hit.model : row ? deserialize(row.model) : null;
  cache.set(key, { model, trainedAt, checkedAt: Date.now() });
  return model;
}

/** The proposed topic of a letter, with how it was found (model or lexicon) and why. */
export async function proposeTopic(ctx: AppContext, tx: Tx, text: string): Promise<TopicClassification> {
  return classify(text, await topicModel(ctx, tx));
}

/**
 * An officer set a letter's topic: the model learns it (and unlearns `learntAs` when an earlier officer
 * label of the same letter was already learnt). One row, locked, so concurrent corrections add up. Call it
 * after the officer's transaction has committed (it opens its own, as system work).
 */
export async function learnTopic(ctx: AppContext, text: string, topic: PetitionTopic, learntAs: PetitionTopic | null): Promise<number> {
  const labelled = await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const row = await tx.selectFrom('petition_topic_model').select(['model']).where('id', '=', 1).forUpdate().executeTakeFirst();
    const model = retrain(row ? deserialize(row.model) : emptyModel(), [{ text, topic, learntAs: learntAs ?? undefined }]);
    const values = { model: serialize(model), labelled: labelledCount(model), trained_at: new Date() };
    await tx
      .insertInto('petition_topic_model')
      .values({ id: 1, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
    return values.labelled;
  });
  cache.delete(ctx.database);
  return labelled;
}
