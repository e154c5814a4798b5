#!/usr/bin/env bash
# What each index of "People" costs an insert of the people already there: INSERT … SELECT from "People" into a copy of
# it (no foreign keys), with no index, then with one index at a time, then with all of them and the generated SearchText
# (as "People" has them). One line per case, "seconds<TAB>what", on stdout. Run by bench/membership/run after the apply.
# Usage: index-cost.sh   (env: PSQL, a psql command line for the bench's database)
set -euo pipefail
psql_db() { $PSQL -X -q -v ON_ERROR_STOP=1 "$@"; }
cols='"Id","Kind","FirstName","LastName","Email","Phone","Location","SectionId","Tags","ProfileVisibility","CreatedAt","UpdatedAt","AddressCity","AddressCountry","AddressLine1","AddressLine2","AddressPostalCode","AccountSubject","LinkedToId"'
# $1: how the copy is made; $2: an index to add ("" for none); $3: the columns inserted ("*": all, SearchText as a plain column).
timed() {
  local out insert
  if [ "$3" = '*' ]; then insert='INSERT INTO bench_people_copy SELECT * FROM "People";'
  else insert="INSERT INTO bench_people_copy ($3) SELECT $3 FROM \"People\";"; fi
  out=$(psql_db <<SQL 2>&1
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_people_copy;
CREATE TABLE bench_people_copy (LIKE "People" $1);
$2
CHECKPOINT;
\\timing on
BEGIN;
$insert
ROLLBACK;
\\timing off
DROP TABLE bench_people_copy;
SQL
)
  if echo "$out" | grep -q ERROR; then echo "$out" >&2; return 1; fi
  echo "$out" | grep -o 'Time: [0-9.]* ms' | sed -n 2p | awk '{printf "%.3f", $2 / 1000}'
}
n=$(psql_db -tA -c 'SELECT count(*) FROM "People"')
printf '%s\t%s\n' "$(timed 'INCLUDING DEFAULTS' '' '*')" "no index, SearchText copied as a plain column (the floor; $n rows)"
printf '%s\t%s\n' "$(timed 'INCLUDING DEFAULTS INCLUDING GENERATED' '' "$cols")" "no index, SearchText generated (coopol_person_search_text: unaccent, lower)"
psql_db -tA -c "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'People' ORDER BY indexname" |
while IFS='|' read -r name def; do
  one=$(echo "$def" | sed -E 's/INDEX [^ ]+ ON public\."People"/INDEX ON bench_people_copy/')
  printf '%s\t%s\n' "$(timed 'INCLUDING DEFAULTS' "$one;" '*')" "one index: $name (${def#*USING })"
done
printf '%s\t%s\n' "$(timed 'INCLUDING ALL' '' "$cols")" "all 13 indexes and SearchText generated, as \"People\" (no foreign keys)"
