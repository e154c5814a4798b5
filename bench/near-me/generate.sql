-- "Near me" at scale: 100,000 upcoming published actions over metropolitan France, a few participants each, and the
-- seeded list of points the benchmark searches from. Runs after bench/people-scale/generate.sql (1,000,000 people,
-- 30 sections per federation, Brest Centre in 29). psql variables: :actions (100000), :points (300), :seed (0.42).
-- Generated, not real: no address, title or person here is real. Deterministic for a given seed (no parallel plans).
\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;

-- Where actions happen: 70% around 60 large communes, drawn by population, at a normal distance from their centre
-- (sigma 3 km, up to 9 km for Paris); 30% uniform over the box of metropolitan France (lon -4.8..8.2, lat 42.3..51.1,
-- which also covers some sea and neighbouring countries). Populations are rounded 2021 figures.
CREATE TABLE bench.cities (name text, fed text, lon float8, lat float8, pop int);
INSERT INTO bench.cities VALUES
  ('Paris','75',2.3522,48.8566,2133000), ('Marseille','13',5.3698,43.2965,873000), ('Lyon','69',4.8357,45.7640,522000),
  ('Toulouse','31',1.4442,43.6047,499000), ('Nice','06',7.2620,43.7102,343000), ('Nantes','44',-1.5536,47.2184,321000),
  ('Montpellier','34',3.8767,43.6108,302000), ('Strasbourg','67',7.7521,48.5734,291000), ('Bordeaux','33',-0.5792,44.8378,261000),
  ('Lille','59',3.0573,50.6292,236000), ('Rennes','35',-1.6778,48.1173,222000), ('Reims','51',4.0317,49.2583,180000),
  ('Toulon','83',5.9280,43.1242,180000), ('Saint-Étienne','42',4.3872,45.4397,173000), ('Le Havre','76',0.1079,49.4944,166000),
  ('Grenoble','38',5.7245,45.1885,157000), ('Dijon','21',5.0415,47.3220,159000), ('Angers','49',-0.5632,47.4784,157000),
  ('Villeurbanne','69',4.8800,45.7719,152000), ('Nîmes','30',4.3601,43.8367,148000), ('Clermont-Ferrand','63',3.0863,45.7772,147000),
  ('Le Mans','72',0.1996,48.0061,146000), ('Aix-en-Provence','13',5.4474,43.5297,147000), ('Brest','29',-4.4861,48.3904,139000),
  ('Tours','37',0.6848,47.3941,136000), ('Amiens','80',2.2958,49.8941,133000), ('Limoges','87',1.2611,45.8336,130000),
  ('Annecy','74',6.1294,45.8992,130000), ('Perpignan','66',2.8948,42.6887,119000), ('Boulogne-Billancourt','92',2.2400,48.8350,121000),
  ('Metz','57',6.1757,49.1193,120000), ('Besançon','25',6.0241,47.2378,119000), ('Orléans','45',1.9093,47.9030,116000),
  ('Saint-Denis','93',2.3574,48.9362,113000), ('Argenteuil','95',2.2470,48.9472,111000), ('Rouen','76',1.0993,49.4431,114000),
  ('Montreuil','93',2.4432,48.8638,111000), ('Mulhouse','68',7.3359,47.7508,106000), ('Caen','14',-0.3707,49.1829,108000),
  ('Nancy','54',6.1844,48.6921,104000), ('Tourcoing','59',3.1612,50.7239,98000), ('Roubaix','59',3.1746,50.6942,98000),
  ('Nanterre','92',2.2069,48.8924,96000), ('Vitry-sur-Seine','94',2.3928,48.7875,95000), ('Avignon','84',4.8055,43.9493,91000),
  ('Créteil','94',2.4553,48.7904,92000), ('Poitiers','86',0.3404,46.5802,89000), ('Versailles','78',2.1301,48.8049,84000),
  ('Pau','64',-0.3708,43.2951,76000), ('La Rochelle','17',-1.1511,46.1603,78000), ('Calais','62',1.8587,50.9513,67000),
  ('Lorient','56',-3.3702,47.7483,57000), ('Quimper','29',-4.1024,47.9960,64000), ('Vannes','56',-2.7603,47.6582,54000),
  ('Bayonne','64',-1.4748,43.4929,52000), ('Troyes','10',4.0744,48.2973,62000), ('Chambéry','73',5.9178,45.5646,60000),
  ('Ajaccio','2A',8.7369,41.9192,73000), ('Bastia','2B',9.4509,42.6973,48000), ('Saint-Brieuc','22',-2.7603,48.5136,44000);
CREATE TABLE bench.cumulative AS
SELECT name, fed, lon, lat, pop, 3 + 6 * sqrt(pop / 2133000.0) AS sigma_km,
       coalesce(sum(pop) OVER (ORDER BY pop DESC, name ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::float8
         / sum(pop) OVER () AS lo,
       sum(pop) OVER (ORDER BY pop DESC, name)::float8 / sum(pop) OVER () AS hi
FROM bench.cities;

-- One draw per row, then a point from it: around a city (Box-Muller), or uniform in the box.
CREATE FUNCTION bench.draw_points(n int) RETURNS TABLE (i int, lon float8, lat float8, fed text) LANGUAGE sql AS $$
  WITH draws AS (
    SELECT g AS i, random() AS mode, random() AS pick, random() AS u1, random() AS u2, random() AS ux, random() AS uy
    FROM generate_series(1, n) g
  ), placed AS (
    SELECT d.i,
           CASE WHEN d.mode < 0.7 THEN c.lon + c.sigma_km * sqrt(-2 * ln(1 - d.u1)) * cos(2 * pi() * d.u2) / (111.32 * cos(radians(c.lat)))
                ELSE -4.8 + 13.0 * d.ux END AS lon,
           CASE WHEN d.mode < 0.7 THEN c.lat + c.sigma_km * sqrt(-2 * ln(1 - d.u1)) * sin(2 * pi() * d.u2) / 110.57
                ELSE 42.3 + 8.8 * d.uy END AS lat,
           CASE WHEN d.mode < 0.7 THEN c.fed END AS fed
    FROM draws d JOIN bench.cumulative c ON d.pick >= c.lo AND d.pick < c.hi
  )
  -- A uniform point belongs to the federation of the nearest listed city (an approximation: sections have no territory here).
  SELECT p.i, p.lon, p.lat,
         coalesce(p.fed, (SELECT c.fed FROM bench.cities c ORDER BY (c.lon - p.lon) ^ 2 + (c.lat - p.lat) ^ 2 LIMIT 1))
  FROM placed p
$$;

SELECT setseed(:seed) \g /dev/null
CREATE TABLE bench.people AS SELECT row_number() OVER (ORDER BY "Id") AS n, "Id" FROM "People";
CREATE UNIQUE INDEX ON bench.people (n);
CREATE TABLE bench.sections AS
SELECT "FederationCode" AS fed, array_agg("Id" ORDER BY "Name") AS ids FROM "Sections" GROUP BY "FederationCode";
CREATE TABLE bench.actions AS
SELECT p.i, p.lon, p.lat, p.fed,
       s.ids[1 + floor(random() * array_length(s.ids, 1))::int] AS section,
       random() AS u_vis, random() AS u_kind, random() AS u_start, random() AS u_length, random() AS u_target, random() AS u_capacity
FROM bench.draw_points(:actions) p JOIN bench.sections s ON s.fed = p.fed;

-- 80% PUBLIC, 15% MEMBERS_AND_SUPPORTERS, 5% SECTION; starting between 1 hour and 60 days from now, lasting 1-4 hours.
-- "SearchPoint" is the meeting point when public, else the point snapped to FieldAction.ApproximateGrid (0.01°).
INSERT INTO "Actions" ("Id", "SectionId", "FederationCode", "Kind", "Title", "Description", "StartsAt", "EndsAt", "TimeZone",
    "MeetingAddress", "MeetingPoint", "SearchPoint", "CommuneCode", "AttendanceTarget", "Capacity", "Status", "Visibility",
    "TurfStationIds", "OrganizerIds", "CreatedById", "CreatedAt", "UpdatedAt", "PublishedAt")
SELECT gen_random_uuid(), a.section, a.fed, k.kind, k.label || ' n° ' || a.i, '',
       start, start + make_interval(hours => 1 + floor(a.u_length * 4)::int), 'Europe/Paris',
       'Point de rendez-vous n° ' || a.i,
       ST_SetSRID(ST_MakePoint(a.lon, a.lat), 4326)::geography,
       CASE WHEN v.visibility = 'Public' THEN ST_SetSRID(ST_MakePoint(a.lon, a.lat), 4326)::geography
            ELSE ST_SetSRID(ST_MakePoint(round(a.lon / 0.01) * 0.01, round(a.lat / 0.01) * 0.01), 4326)::geography END,
       NULL, target, CASE WHEN a.u_capacity < 0.5 THEN NULL ELSE target * 2 END, 'Published', v.visibility,
       '{}', '{}', (SELECT p."Id" FROM bench.people p WHERE p.n = 1 + (a.i * 7919) % 1000000), now(), now(), now()
FROM bench.actions a,
     LATERAL (SELECT date_trunc('hour', now()) + interval '1 hour' + make_interval(mins => 15 * floor(a.u_start * 60 * 24 * 4)::int) AS start,
                     5 + floor(a.u_target * 26)::int AS target) t,
     LATERAL (SELECT CASE WHEN a.u_vis < 0.80 THEN 'Public' WHEN a.u_vis < 0.95 THEN 'MembersAndSupporters' ELSE 'Section' END AS visibility) v,
     LATERAL (SELECT (ARRAY['DoorToDoor','Leafleting','MarketStall','PhoneBank','Meeting','Other'])[1 + floor(a.u_kind * 6)::int] AS kind,
                     (ARRAY['Porte-à-porte','Tractage','Stand de marché','Phoning','Réunion publique','Action'])[1 + floor(a.u_kind * 6)::int] AS label) k;

-- 1 to 5 participants per action (3 on average): mostly confirmed, a few on the waiting list or gone.
INSERT INTO "ActionParticipants" ("ActionId", "PersonId", "Status", "JoinedAt", "UpdatedAt")
SELECT a."Id", p."Id", CASE WHEN j = 4 THEN 'Waiting' WHEN (a.n + j) % 20 = 0 THEN 'Left' ELSE 'Confirmed' END,
       now() - make_interval(mins => ((a.n * 13 + j * 101) % 10000)::int), now()
FROM (SELECT "Id", row_number() OVER (ORDER BY "Id") AS n FROM "Actions") a
CROSS JOIN LATERAL generate_series(0, (a.n % 5)::int) j
JOIN bench.people p ON p.n = 1 + (a.n * 7919 + j * 104729) % 1000000;

-- The member whose signed-in searches are timed: a member of Brest Centre without any role (the demo account, so that
-- the local sign-in serves a token for it).
INSERT INTO "People" ("Id", "Kind", "FirstName", "LastName", "Email", "SectionId", "Tags", "ProfileVisibility", "CreatedAt", "UpdatedAt")
SELECT gen_random_uuid(), 'Member', 'Léa', 'Morvan', 'member@demo.coopol.fr', (SELECT "Id" FROM "Sections" WHERE "Name" = 'Brest Centre'),
       '{}', 'Section', now(), now();

-- Where people search from: the same mixture (people search where they live), seeded, shared by both sides.
SELECT setseed(:seed / 2) \g /dev/null
CREATE TABLE bench.points AS SELECT i, round(lon::numeric, 5)::float8 AS lon, round(lat::numeric, 5)::float8 AS lat FROM bench.draw_points(:points);

DROP TABLE bench.people, bench.actions, bench.sections;
VACUUM ANALYZE "Actions";
VACUUM ANALYZE "ActionParticipants";
VACUUM ANALYZE "People";
ANALYZE;
