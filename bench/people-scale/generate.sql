-- 1,000,000 people in a realistic spread: one 20,000-person section (Brest Centre), a 90,000-person federation (29),
-- and 910,000 people over 30 sections in each of the 102 other federations. French names with accents, unique
-- emails, 70% SECTION / 20% PRIVATE / 10% NETWORK profiles, joined over five years. Deterministic for a given count.
-- :people is replaced by the bench.
TRUNCATE "AccessLog", "ConsentRecords", "SectionInvitations", "PeopleExports", "JobRuns", "RoleGrantEvents", "RoleGrants", "People", "Sections" CASCADE;

INSERT INTO "Sections" ("Id", "FederationCode", "Name", "CreatedAt")
SELECT gen_random_uuid(), f."Code", f."Name" || ' ' || lpad(s::text, 2, '0'), now()
FROM "Federations" f, generate_series(1, 30) s WHERE f."Code" <> '29';
INSERT INTO "Sections" ("Id", "FederationCode", "Name", "CreatedAt") VALUES (gen_random_uuid(), '29', 'Brest Centre', now());
INSERT INTO "Sections" ("Id", "FederationCode", "Name", "CreatedAt")
SELECT gen_random_uuid(), '29', 'Finistère ' || lpad(s::text, 2, '0'), now() FROM generate_series(1, 29) s;

WITH names AS (
    SELECT ARRAY['Élodie','Gwénaëlle','Jean','Marie','Léa','Hugo','Camille','Yann','Nolwenn','Malo','Anaïs','Loïc','Maël','Chloé','Théo',
                 'Inès','Lucas','Manon','Nathan','Zoé','Louis','Jade','Gabriel','Emma','Raphaël','Louise','Arthur','Alice','Jules','Lina',
                 'Adam','Rose','Paul','Anna','Sacha','Mila','Noé','Julia','Tom','Éva','Timéo','Léna','Mathis','Clémence','Aurélien',
                 'Gaëlle','Hélène','Françoise','Jérôme','Stéphane','Sébastien','Frédéric','Cécile','Thérèse','Maëlys','Noémie','Benoît',
                 'Rémi','Yannick','Solène','Anne','Pierre','Martine','Michel','Nathalie','Christophe','Isabelle','Philippe','Sylvie',
                 'Nicolas','Valérie','Olivier','Sandrine','Éric','Céline','Laurent','Karine','David','Aurélie','Julien'] AS first,
           ARRAY['Martin','Bernard','Thomas','Petit','Robert','Richard','Durand','Dubois','Moreau','Laurent','Simon','Michel','Lefèvre',
                 'Leroy','Roux','David','Bertrand','Morel','Fournier','Girard','Bonnet','Dupont','Lambert','Fontaine','Rousseau',
                 'Vincent','Muller','Lefebvre','Faure','André','Mercier','Blanc','Guérin','Boyer','Garnier','Chevalier','François',
                 'Legrand','Gauthier','Garcia','Perrin','Robin','Clément','Morin','Nicolas','Henry','Roussel','Mathieu','Gautier',
                 'Masson','Marchand','Duval','Denis','Dumont','Marie','Lemaire','Noël','Meyer','Dufour','Meunier','Brun','Blanchard',
                 'Giraud','Joly','Rivière','Lucas','Brunet','Gaillard','Barbier','Arnaud','Martinez','Gérard','Roche','Renard',
                 'Schmitt','Roy','Leroux','Colin','Vidal','Caron','Picard','Roger','Fabre','Aubert','Lemoine','Renaud','Dumas',
                 'Lacroix','Olivier','Philippe','Bourgeois','Pierre','Benoît','Rey','Leclerc','Payet','Rolland','Le Gall','Le Bris',
                 'Kerjean','Le Hénaff','Tanguy','Morvan','Le Goff','Le Roux','Guillou','Le Corre','Quéré','Cariou','Le Floch',
                 'Jégou','Le Berre','Péron','Abgrall','Kervella','Salaün','Ménez','Le Meur','Bihan','Prigent','Cornec','Coïc'] AS last
), sections AS (
    SELECT (SELECT "Id" FROM "Sections" WHERE "Name" = 'Brest Centre') AS brest,
           (SELECT array_agg("Id" ORDER BY "Name") FROM "Sections" WHERE "FederationCode" = '29' AND "Name" <> 'Brest Centre') AS fed29,
           (SELECT array_agg("Id" ORDER BY "FederationCode", "Name") FROM "Sections" WHERE "FederationCode" <> '29') AS others
), rows AS (
    SELECT i,
           n.first[1 + (i * 7919) % array_length(n.first, 1)] AS first,
           n.last[1 + (i * 104729 / 7) % array_length(n.last, 1)] AS last,
           CASE WHEN i <= 20000 THEN s.brest
                WHEN i <= 90000 THEN s.fed29[1 + i % array_length(s.fed29, 1)]
                ELSE s.others[1 + i % array_length(s.others, 1)] END AS section
    FROM generate_series(1::bigint, :people) i, names n, sections s
)
INSERT INTO "People" ("Id", "Kind", "FirstName", "LastName", "Email", "Phone", "SectionId", "Tags", "ProfileVisibility", "CreatedAt", "UpdatedAt")
SELECT gen_random_uuid(),
       CASE WHEN i % 5 < 3 THEN 'Member' ELSE 'Supporter' END,
       first, last,
       lower(regexp_replace(public.unaccent(first || '.' || last), '[^A-Za-z.]', '', 'g')) || '.' || i || '@exemple.fr',
       CASE WHEN i % 5 <> 0 THEN '+336' || lpad(((i * 7919) % 100000000)::text, 8, '0') END,
       section,
       ARRAY['quartier ' || (i % 40)],
       CASE WHEN i % 10 < 7 THEN 'Section' WHEN i % 10 < 9 THEN 'Private' ELSE 'Network' END,
       now() - make_interval(days => (i % 1800)::int, secs => (i % 86400)::float8),
       now() - make_interval(days => (i % 1800)::int, secs => (i % 86400)::float8)
FROM rows;

-- The three officers whose pages are timed, with the demo accounts' emails so the local sign-in serves them.
INSERT INTO "People" ("Id", "Kind", "FirstName", "LastName", "Email", "SectionId", "Tags", "ProfileVisibility", "CreatedAt", "UpdatedAt")
SELECT gen_random_uuid(), 'Member', v.first, v.last, v.email, (SELECT "Id" FROM "Sections" WHERE "Name" = 'Brest Centre'), '{}', 'Section', now(), now()
FROM (VALUES ('Camille', 'Durand', 'national@demo.coopol.fr'), ('Yann', 'Le Gall', 'fed29@demo.coopol.fr'),
             ('Nolwenn', 'Kerjean', 'brest-centre@demo.coopol.fr')) v(first, last, email);
INSERT INTO "RoleGrants" ("Id", "PersonId", "Role", "Level", "FederationCode", "SectionId", "Permissions", "GrantedAt")
SELECT gen_random_uuid(), p."Id", g.role, g.level, g.fed, g.section, 255, now()
FROM (VALUES ('national@demo.coopol.fr', 'NationalTeam', 'National', NULL, NULL),
             ('fed29@demo.coopol.fr', 'FederationSecretary', 'Federation', '29', NULL),
             ('brest-centre@demo.coopol.fr', 'SectionSecretary', 'Section', '29', (SELECT "Id" FROM "Sections" WHERE "Name" = 'Brest Centre'))
     ) g(email, role, level, fed, section)
JOIN "People" p ON p."Email" = g.email;
-- The section secretary holds every permission but MANAGE_SECTIONS (as Permissions.Of does).
UPDATE "RoleGrants" SET "Permissions" = 255 & ~4 WHERE "Role" = 'SectionSecretary';

-- split (VACUUM runs outside a transaction)
VACUUM ANALYZE "People";
-- split
VACUUM ANALYZE "Sections";
-- split
VACUUM ANALYZE "RoleGrants";
