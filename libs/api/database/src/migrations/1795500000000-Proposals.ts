import type { MigrationInterface, QueryRunner } from 'typeorm';

const PROPOSAL_STATUSES = [
  'published',
  'under_evaluation',
  'accepted',
  'partially_accepted',
  'rejected',
  'in_execution',
  'completed',
  'withdrawn',
  'hidden',
];
const OUTCOMES = ['accepted', 'partially_accepted', 'rejected'];
const FLAG_REASONS = ['spam', 'offensive', 'personal_data', 'off_topic', 'other'];

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** The city's starting themes; administrators rename, add, link to departments and retire them. */
const THEMES: [string, string, string][] = [
  ['movilidad', 'Movilidad', 'Mobility'],
  ['medio-ambiente', 'Medio ambiente', 'Environment'],
  ['urbanismo', 'Urbanismo y espacio público', 'Urban planning and public space'],
  ['cultura', 'Cultura', 'Culture'],
  ['deportes', 'Deportes', 'Sport'],
  ['servicios-sociales', 'Servicios sociales', 'Social services'],
  ['educacion', 'Educación', 'Education'],
  ['limpieza', 'Limpieza y residuos', 'Cleaning and waste'],
  ['participacion', 'Participación y transparencia', 'Participation and transparency'],
];

/** Official answers in the city's voice, by outcome, in Spanish and English. */
const ANSWER_TEMPLATES: [string, string, string, string][] = [
  ['es', 'accepted', 'Propuesta aceptada', 'Gracias por tu propuesta. El servicio de {department} la ha estudiado y la acepta: {details}. Publicaremos aquí cada paso de su ejecución.'],
  ['en', 'accepted', 'Proposal accepted', 'Thank you for your proposal. The {department} team has studied it and accepts it: {details}. We will post every step of its execution here.'],
  ['es', 'partially_accepted', 'Propuesta aceptada en parte', 'Gracias por tu propuesta. El servicio de {department} acepta una parte: {details}. El resto no es viable porque {reason}.'],
  ['en', 'partially_accepted', 'Proposal partly accepted', 'Thank you for your proposal. The {department} team accepts part of it: {details}. The rest is not feasible because {reason}.'],
  ['es', 'rejected', 'Propuesta no viable', 'Gracias por tu propuesta y por los apoyos recibidos. El servicio de {department} la ha estudiado y no es viable porque {reason}.'],
  ['en', 'rejected', 'Proposal not feasible', 'Thank you for your proposal and for its supports. The {department} team has studied it and it is not feasible because {reason}.'],
];

/**
 * Citizen proposals (themes, supports, lifecycle events, official answers, links to reports),
 * discussion (comments with one level of replies), flags and moderation decisions, user blocks,
 * follows and in-app notifications. docs/proposals.md explains the choices.
 */
export class Proposals1795500000000 implements MigrationInterface {
  name = 'Proposals1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE proposal_themes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{1,63}$'),
        name jsonb NOT NULL,
        department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
        active boolean NOT NULL DEFAULT true,
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const [index, [code, es, en]] of THEMES.entries()) {
      await q.query(`INSERT INTO proposal_themes (code, name, sort_order) VALUES ($1, $2::jsonb, $3)`, [
        code,
        JSON.stringify({ es, en }),
        index,
      ]);
    }
    await q.query(`
      CREATE TABLE proposals (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        title text NOT NULL,
        summary text NOT NULL,
        description text NOT NULL,
        theme_id uuid NOT NULL REFERENCES proposal_themes(id),
        location geometry(Point, 4326),
        area_id uuid REFERENCES areas(id) ON DELETE SET NULL,
        department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        show_name boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'published' CHECK (status IN (${list(PROPOSAL_STATUSES)})),
        status_before_hidden text CHECK (status_before_hidden IN (${list(PROPOSAL_STATUSES)})),
        support_count integer NOT NULL DEFAULT 0 CHECK (support_count >= 0),
        comment_count integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Both stemmers, so "bicicletas" finds "bicicleta" and "trees" finds "tree" whatever the language.
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('spanish'::regconfig, title), 'A') ||
          setweight(to_tsvector('english'::regconfig, title), 'A') ||
          setweight(to_tsvector('spanish'::regconfig, summary), 'B') ||
          setweight(to_tsvector('english'::regconfig, summary), 'B') ||
          setweight(to_tsvector('spanish'::regconfig, description), 'C') ||
          setweight(to_tsvector('english'::regconfig, description), 'C')
        ) STORED
      )`);
    await q.query(`CREATE INDEX proposals_search_gin ON proposals USING gin (search)`);
    await q.query(`CREATE INDEX proposals_location_gist ON proposals USING gist (location)`);
    await q.query(`CREATE INDEX proposals_status_idx ON proposals (status)`);
    await q.query(`CREATE INDEX proposals_author_idx ON proposals (author_id)`);
    await q.query(`CREATE INDEX proposals_supports_idx ON proposals (support_count DESC, id DESC)`);
    await q.query(`CREATE INDEX proposals_created_idx ON proposals (created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE proposal_images (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id bigint NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        position integer NOT NULL,
        storage_key text NOT NULL,
        thumbnail_key text NOT NULL,
        width integer NOT NULL,
        height integer NOT NULL,
        bytes integer NOT NULL,
        UNIQUE (proposal_id, position)
      )`);
    // Who supported is kept only to enforce one support per person and to let them withdraw it.
    await q.query(`
      CREATE TABLE proposal_supports (
        proposal_id bigint NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (proposal_id, user_id)
      )`);
    await q.query(`CREATE INDEX proposal_supports_user_idx ON proposal_supports (user_id)`);
    await q.query(`
      CREATE TABLE proposal_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        proposal_id bigint NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_kind text NOT NULL CHECK (actor_kind IN ('author', 'system', 'staff', 'moderation')),
        actor_id uuid,
        from_status text,
        to_status text NOT NULL,
        message text
      )`);
    await q.query(`CREATE INDEX proposal_events_proposal_idx ON proposal_events (proposal_id, id)`);
    await q.query(`
      CREATE TABLE proposal_answer_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        locale text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN (${list(OUTCOMES)})),
        body text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const [locale, outcome, title, body] of ANSWER_TEMPLATES) {
      await q.query(`INSERT INTO proposal_answer_templates (locale, outcome, title, body) VALUES ($1, $2, $3, $4)`, [
        locale,
        outcome,
        title,
        body,
      ]);
    }
    await q.query(`
      CREATE TABLE proposal_answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id bigint NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        outcome text NOT NULL CHECK (outcome IN (${list(OUTCOMES)})),
        template_id uuid NOT NULL REFERENCES proposal_answer_templates(id),
        body text NOT NULL,
        department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX proposal_answers_proposal_idx ON proposal_answers (proposal_id, created_at)`);
    await q.query(`
      CREATE TABLE proposal_report_links (
        proposal_id bigint NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        report_id bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        linked_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (proposal_id, report_id)
      )`);
    await q.query(`CREATE INDEX proposal_report_links_report_idx ON proposal_report_links (report_id)`);
    await q.query(`
      CREATE TABLE comments (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        target_type text NOT NULL CHECK (target_type IN ('proposal', 'report')),
        target_id bigint NOT NULL,
        parent_id bigint REFERENCES comments(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id),
        body text NOT NULL,
        -- The staff role and department the comment was written as, frozen at posting time.
        staff_role text CHECK (staff_role IN ('community_manager', 'department_staff', 'admin')),
        staff_department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        edited_at timestamptz,
        deleted_at timestamptz,
        hidden_at timestamptz,
        hidden_reason text,
        hidden_provisional boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX comments_target_idx ON comments (target_type, target_id, id)`);
    await q.query(`CREATE INDEX comments_author_idx ON comments (author_id)`);
    await q.query(`
      CREATE TABLE flags (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        target_type text NOT NULL CHECK (target_type IN ('comment', 'proposal', 'report')),
        target_id bigint NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (reason IN (${list(FLAG_REASONS)})),
        details text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        resolved_at timestamptz,
        resolution text CHECK (resolution IN ('hidden', 'dismissed')),
        UNIQUE (target_type, target_id, user_id),
        CHECK (reason <> 'other' OR coalesce(length(trim(details)), 0) > 0)
      )`);
    await q.query(`CREATE INDEX flags_open_idx ON flags (target_type, target_id) WHERE resolved_at IS NULL`);
    await q.query(`
      CREATE TABLE moderation_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        target_type text NOT NULL CHECK (target_type IN ('comment', 'proposal', 'report')),
        target_id bigint NOT NULL,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('provisional', 'hidden')),
        reason text NOT NULL,
        note text,
        -- What the content was before (a proposal's or report's status), to restore it if lifted.
        previous_status text,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        lifted_at timestamptz,
        review_requested_at timestamptz,
        review_message text,
        review_outcome text CHECK (review_outcome IN ('upheld', 'reversed')),
        review_note text,
        reviewed_by uuid REFERENCES users(id),
        reviewed_at timestamptz
      )`);
    // At most one decision in force per piece of content.
    await q.query(`
      CREATE UNIQUE INDEX moderation_decisions_live_key ON moderation_decisions (target_type, target_id)
        WHERE lifted_at IS NULL`);
    await q.query(`CREATE INDEX moderation_decisions_author_idx ON moderation_decisions (author_id)`);
    await q.query(`
      CREATE TABLE user_blocks (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        justification text NOT NULL CHECK (length(trim(justification)) > 0),
        blocked_by uuid REFERENCES users(id),
        blocked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE follows (
        target_type text NOT NULL CHECK (target_type IN ('proposal', 'report')),
        target_id bigint NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (target_type, target_id, user_id)
      )`);
    await q.query(`CREATE INDEX follows_user_idx ON follows (user_id)`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'notifications',
      'follows',
      'user_blocks',
      'moderation_decisions',
      'flags',
      'comments',
      'proposal_report_links',
      'proposal_answers',
      'proposal_answer_templates',
      'proposal_events',
      'proposal_supports',
      'proposal_images',
      'proposals',
      'proposal_themes',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
