-- 0004: the big fact tables lose their PRIMARY KEY. DuckDB keeps a primary key as an index in
-- memory and checks it on every insert; these tables grow by tens of rows per article and are
-- never looked up by key, so the index cost loads and memory for nothing. Their keys stay
-- unique: every load is an anti-join on the key, and `factwire check` verifies it.
-- DuckDB cannot drop a constraint, so each table is rebuilt (columns as of this version).

ALTER TABLE "actor_mentions" RENAME TO "actor_mentions__0004";
CREATE TABLE "actor_mentions" (
  "mention_id" VARCHAR NOT NULL,
  "article_id" VARCHAR NOT NULL,
  "actor_id" VARCHAR NOT NULL,
  "mention_text" VARCHAR NOT NULL,
  "start_char" INTEGER NOT NULL,
  "end_char" INTEGER NOT NULL,
  "sentence" VARCHAR,
  "extractor_version" VARCHAR NOT NULL
);
INSERT INTO "actor_mentions" SELECT * FROM "actor_mentions__0004";
DROP TABLE "actor_mentions__0004";

ALTER TABLE "amounts" RENAME TO "amounts__0004";
CREATE TABLE "amounts" (
  "amount_id" VARCHAR NOT NULL,
  "article_id" VARCHAR NOT NULL,
  "amount_text" VARCHAR NOT NULL,
  "start_char" INTEGER NOT NULL,
  "end_char" INTEGER NOT NULL,
  "amount_kind" VARCHAR NOT NULL,
  "value" DOUBLE,
  "value_max" DOUBLE,
  "currency" VARCHAR,
  "unit" VARCHAR,
  "approximate" BOOLEAN NOT NULL,
  "sentence" VARCHAR,
  "extractor_version" VARCHAR NOT NULL
);
INSERT INTO "amounts" SELECT * FROM "amounts__0004";
DROP TABLE "amounts__0004";

ALTER TABLE "citations" RENAME TO "citations__0004";
CREATE TABLE "citations" (
  "citation_id" VARCHAR NOT NULL,
  "article_id" VARCHAR NOT NULL,
  "source_name" VARCHAR NOT NULL,
  "actor_id" VARCHAR,
  "citation_kind" VARCHAR NOT NULL,
  "start_char" INTEGER,
  "end_char" INTEGER,
  "sentence" VARCHAR,
  "extractor_version" VARCHAR NOT NULL
);
INSERT INTO "citations" SELECT * FROM "citations__0004";
DROP TABLE "citations__0004";

ALTER TABLE "dates" RENAME TO "dates__0004";
CREATE TABLE "dates" (
  "date_id" VARCHAR NOT NULL,
  "article_id" VARCHAR NOT NULL,
  "date_text" VARCHAR NOT NULL,
  "start_char" INTEGER NOT NULL,
  "end_char" INTEGER NOT NULL,
  "date_value" VARCHAR,
  "date_precision" VARCHAR,
  "date_start" DATE,
  "sentence" VARCHAR,
  "extractor_version" VARCHAR NOT NULL
);
INSERT INTO "dates" SELECT * FROM "dates__0004";
DROP TABLE "dates__0004";

ALTER TABLE "deals" RENAME TO "deals__0004";
CREATE TABLE "deals" (
  "deal_id" VARCHAR NOT NULL,
  "article_id" VARCHAR NOT NULL,
  "deal_kind" VARCHAR NOT NULL,
  "description" VARCHAR NOT NULL,
  "party_actor_ids" VARCHAR[] NOT NULL,
  "buyer_actor_id" VARCHAR,
  "seller_actor_id" VARCHAR,
  "value" DOUBLE,
  "currency" VARCHAR,
  "value_approximate" BOOLEAN,
  "item" VARCHAR,
  "date_value" VARCHAR,
  "date_precision" VARCHAR,
  "status" VARCHAR NOT NULL,
  "citation" VARCHAR,
  "mention_starts" INTEGER[] NOT NULL,
  "mention_ends" INTEGER[] NOT NULL,
  "sentence" VARCHAR,
  "extractor_version" VARCHAR NOT NULL
);
INSERT INTO "deals" SELECT * FROM "deals__0004";
DROP TABLE "deals__0004";

ALTER TABLE "events" RENAME TO "events__0004";
CREATE TABLE "events" (
  "event_id" VARCHAR NOT NULL,
  "article_id" VARCHAR NOT NULL,
  "event_type" VARCHAR NOT NULL,
  "verb_lemma" VARCHAR,
  "subject_actor_id" VARCHAR NOT NULL,
  "object_actor_id" VARCHAR,
  "event_text" VARCHAR NOT NULL,
  "start_char" INTEGER NOT NULL,
  "end_char" INTEGER NOT NULL,
  "date_value" VARCHAR,
  "date_precision" VARCHAR,
  "modality" VARCHAR NOT NULL,
  "sentence" VARCHAR,
  "extractor_version" VARCHAR NOT NULL
);
INSERT INTO "events" SELECT * FROM "events__0004";
DROP TABLE "events__0004";

ALTER TABLE "quotes" RENAME TO "quotes__0004";
CREATE TABLE "quotes" (
  "quote_id" VARCHAR NOT NULL,
  "article_id" VARCHAR NOT NULL,
  "quote_text" VARCHAR NOT NULL,
  "start_char" INTEGER NOT NULL,
  "end_char" INTEGER NOT NULL,
  "speaker_actor_id" VARCHAR,
  "speaker_text" VARCHAR,
  "sentence" VARCHAR,
  "extractor_version" VARCHAR NOT NULL
);
INSERT INTO "quotes" SELECT * FROM "quotes__0004";
DROP TABLE "quotes__0004";
