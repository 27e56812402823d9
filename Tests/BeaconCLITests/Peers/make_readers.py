"""Copies the example Config/ and gives the portfolio-holders digest COUNT readers, spread
over the example's councils, so a benchmark has enough messages to time.

  make_readers.py SOURCE_CONFIG TARGET_CONFIG COUNT"""
import csv
import shutil
import sys

source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
shutil.copytree(source, target, dirs_exist_ok=True)
councils = [
    ("Ceredigion County Council", "mid-wales"), ("Gwynedd Council", "north-wales"),
    ("Powys County Council", "mid-wales"), ("Torfaen County Borough Council", "south-east-wales"),
    ("Rhondda Cynon Taf County Borough Council", "south-east-wales"),
]
languages = ["cy", "en", "both"]
with open(f"{target}/subscribers.csv", "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out)
    writer.writerow(["subscriber_id", "name", "email", "audience", "organisation", "sector", "region",
                     "interests", "language", "channels", "consent_on"])
    for index in range(count):
        organisation, region = councils[index % len(councils)]
        writer.writerow([f"reader-{index:06d}", f"Reader {index:06d}", f"reader{index:06d}@bench.example",
                         "portfolio-holders", organisation, "local-government", region,
                         "energy-efficiency;shared-services", languages[index % 3], "email", "2026-01-01"])
with open(f"{target}/beacon.yml", encoding="utf-8") as settings:
    text = settings.read()
with open(f"{target}/beacon.yml", "w", encoding="utf-8") as settings:
    settings.write(text.replace("subscribers: [subscribers.yml, subscribers.csv]", "subscribers: [subscribers.csv]"))
