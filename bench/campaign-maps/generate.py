#!/usr/bin/env python3
"""Writes a national-size results file in the ministry's 2024 wide layout (the 190-column header of the real round-1
file of Finistère 29-02/29-03), made by replicating that file's 201 real rows under the codes of every current commune
of France (reference/communes.json, type commune-actuelle):

- the 35 communes of the real file keep their real rows (Brest and its neighbours stay real);
- a commune with known polling-station contours (département 04, Plougastel-Daoulas 29189) gets one station per contour,
  with the contour's bureau number, so that every contour on the map has a value;
- every other commune gets 2 stations, bureau codes "0001" and "0002";
- a replicated station takes the counts and candidates of the next real row, cycling through the 201 real rows; only the
  five leading columns (département code and name, commune code and name, bureau code) are replaced.

Bureau codes are written zero padded to 4 characters, as in the ministry's own files. Rows are ordered by commune code then
bureau, as in the ministry's file.

Usage: generate.py <shared data folder> <output file>   (prints the number of rows written)
"""
import json
import os
import sys
from collections import defaultdict


def main(data, out):
    real_path = os.path.join(data, "results", "legislatives-2024-t1-finistere-circo-2902-2903-par-bureau.csv")
    with open(real_path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    header, real = lines[0], [l.split(";") for l in lines[1:] if l]
    assert len(header.split(";")) == 190 and all(len(r) == 190 for r in real) and len(real) == 201

    with open(os.path.join(data, "reference", "communes.json"), encoding="utf-8") as f:
        communes = [c for c in json.load(f) if c["type"] == "commune-actuelle"]
    with open(os.path.join(data, "reference", "departements.json"), encoding="utf-8") as f:
        departement_names = {d["code"]: d["nom"] for d in json.load(f)}

    # Bureau numbers of the known contours, per commune.
    contours = defaultdict(set)
    with open(os.path.join(data, "contours", "Bvote_Propre_Dep_04.geojson"), encoding="utf-8") as f:
        for feature in json.load(f)["features"]:
            commune, bureau = feature["properties"]["CODE_BV"].split("_")
            contours[commune].add(int(bureau))
    with open(os.path.join(data, "boundaries", "brest-bureaux-de-vote.geojson"), encoding="utf-8") as f:
        for feature in json.load(f)["features"]:
            contours[feature["properties"]["DEPCO"]].add(int(feature["properties"]["BVOTE"]))

    real_by_commune = defaultdict(list)
    for r in real:
        real_by_commune[r[2]].append(r)

    written = 0
    cycle = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(header + "\n")
        for c in sorted(communes, key=lambda c: c["code"]):
            code = c["code"]
            if code in real_by_commune:
                rows = sorted(real_by_commune[code], key=lambda r: int(r[4]))
                for r in rows:
                    f.write(";".join(r[:4] + [r[4].zfill(4)] + r[5:]) + "\n")
                    written += 1
                continue
            bureaux = sorted(contours[code]) if code in contours else [1, 2]
            departement = c["departement"]
            for b in bureaux:
                source = real[cycle % len(real)]
                cycle += 1
                f.write(";".join([departement, departement_names.get(departement, departement), code, c["nom"], str(b).zfill(4)]
                                 + source[5:]) + "\n")
                written += 1
    print(written)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
