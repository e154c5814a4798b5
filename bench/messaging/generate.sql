-- The messaging bench's people (see README.md), on a freshly migrated database. Deterministic for given counts.
--   * section "Bench Messagerie" (federation 29) with :people people, each with a unique email and NEWS/EMAIL consent
--     granted (imported: one line of the ledger each);
--   * the first :sms of them also with a distinct valid French mobile (+3361 and 7 digits, spread by a multiplication
--     by a prime modulo 10^7, so distinct) and NEWS/SMS consent granted; the others have no phone;
--   * the sender: "Bench National" (national@bench.coopol.fr, a mobile of their own for the test send), in a section of
--     their own (so not a recipient), with the NationalTeam role on the national level (every permission, 255, as
--     Permissions.Of(NationalTeam) gives).
-- :people and :sms are given by bench/messaging/run.

INSERT INTO "Sections" ("Id", "FederationCode", "Name", "CreatedAt")
VALUES (gen_random_uuid(), '29', 'Bench Messagerie', now()), (gen_random_uuid(), '29', 'Bench Équipe nationale', now());

WITH names AS (
    SELECT ARRAY['Élodie','Gwénaëlle','Jean','Marie','Léa','Hugo','Camille','Yann','Nolwenn','Malo','Anaïs','Loïc','Maël','Chloé','Théo',
                 'Inès','Lucas','Manon','Nathan','Zoé','Louis','Jade','Gabriel','Emma','Raphaël','Louise','Arthur','Alice','Jules','Lina',
                 'Adam','Rose','Paul','Anna','Sacha','Mila','Noé','Julia','Tom','Éva','Timéo','Léna','Mathis','Clémence','Aurélien',
                 'Gaëlle','Hélène','Françoise','Jérôme','Stéphane','Sébastien','Frédéric','Cécile','Thérèse','Maëlys','Noémie','Benoît'] AS first,
           ARRAY['Martin','Bernard','Thomas','Petit','Robert','Richard','Durand','Dubois','Moreau','Laurent','Simon','Michel','Lefèvre',
                 'Leroy','Roux','David','Bertrand','Morel','Fournier','Girard','Bonnet','Dupont','Lambert','Fontaine','Rousseau',
                 'Le Gall','Le Bris','Kerjean','Le Hénaff','Tanguy','Morvan','Le Goff','Le Roux','Guillou','Le Corre','Quéré','Cariou',
                 'Jégou','Le Berre','Péron','Abgrall','Kervella','Salaün','Ménez','Le Meur','Bihan','Prigent','Cornec','Coïc'] AS last
), rows AS (
    SELECT i,
           n.first[1 + (i * 7919) % array_length(n.first, 1)] AS first,
           n.last[1 + (i * 104729 / 7) % array_length(n.last, 1)] AS last
    FROM generate_series(1::bigint, :people) i, names n
)
INSERT INTO "People" ("Id", "Kind", "FirstName", "LastName", "Email", "Phone", "SectionId", "Tags", "ProfileVisibility", "CreatedAt", "UpdatedAt")
SELECT gen_random_uuid(),
       CASE WHEN i % 5 < 3 THEN 'Member' ELSE 'Supporter' END,
       first, last,
       lower(regexp_replace(public.unaccent(first || '.' || last), '[^A-Za-z.]', '', 'g')) || '.' || i || '@exemple.fr',
       CASE WHEN i <= :sms THEN '+3361' || lpad(((i * 7919) % 10000000)::text, 7, '0') END,
       (SELECT "Id" FROM "Sections" WHERE "Name" = 'Bench Messagerie'),
       ARRAY['quartier ' || (i % 40)],
       CASE WHEN i % 10 < 7 THEN 'Section' WHEN i % 10 < 9 THEN 'Private' ELSE 'Network' END,
       now() - make_interval(days => (i % 1800)::int, secs => (i % 86400)::float8),
       now() - make_interval(days => (i % 1800)::int, secs => (i % 86400)::float8)
FROM rows;

-- Consents as an import from the membership file records them: granted, with the current wording's version.
INSERT INTO "ConsentRecords" ("PersonId", "Purpose", "Channel", "Granted", "Method", "At", "WordingVersion")
SELECT "Id", 'News', 'Email', true, 'Import', "CreatedAt", 'news-email-2026-11'
FROM "People" WHERE "SectionId" = (SELECT "Id" FROM "Sections" WHERE "Name" = 'Bench Messagerie');
INSERT INTO "ConsentRecords" ("PersonId", "Purpose", "Channel", "Granted", "Method", "At", "WordingVersion")
SELECT "Id", 'News', 'Sms', true, 'Import', "CreatedAt", 'news-sms-2026-11'
FROM "People" WHERE "SectionId" = (SELECT "Id" FROM "Sections" WHERE "Name" = 'Bench Messagerie') AND "Phone" IS NOT NULL;

-- The sender: the national team.
INSERT INTO "People" ("Id", "Kind", "FirstName", "LastName", "Email", "Phone", "SectionId", "Tags", "ProfileVisibility", "CreatedAt", "UpdatedAt")
VALUES (gen_random_uuid(), 'Member', 'Bench', 'National', 'national@bench.coopol.fr', '+33699000001',
        (SELECT "Id" FROM "Sections" WHERE "Name" = 'Bench Équipe nationale'), '{}', 'Section', now(), now());
INSERT INTO "RoleGrants" ("Id", "PersonId", "Role", "Level", "FederationCode", "SectionId", "Permissions", "GrantedAt")
SELECT gen_random_uuid(), "Id", 'NationalTeam', 'National', NULL, NULL, 255, now() FROM "People" WHERE "Email" = 'national@bench.coopol.fr';

VACUUM ANALYZE "People";
VACUUM ANALYZE "ConsentRecords";
VACUUM ANALYZE "Sections";
VACUUM ANALYZE "RoleGrants";
