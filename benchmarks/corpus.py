"""A synthetic corpus shaped like kgraph's input: short reports of letters, meetings,
defections, titles and dates, with varied names, written as text files.

    python benchmarks/corpus.py OUT --documents 1000
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

GIVEN = ["Jong-un", "Il-sung", "Young-sam", "Dae-jung", "Seong-cheol", "Chong-hui", "Tong-won",
         "Hu-rak", "Ki-yong", "Il-kwon", "Song-un", "Jang-yop", "Yong-ho", "Cheon-shik"]
SURNAMES = ["Kim", "Pak", "Lee", "Choi", "Chong", "Yi", "Hwang", "Thae", "Cho", "Chang"]
WESTERN = ["Donald Trump", "Mike Pompeo", "Richard Nixon", "Henry Kissinger", "Dean Rusk",
           "Lyndon B. Johnson", "Winthrop Brown", "Cyrus Vance", "Samuel Berger",
           "Robert McNamara", "Jimmy Carter", "Madeleine Albright"]
CHINESE = ["Zhou Enlai", "Mao Zedong", "Jiang Zemin", "Deng Xiaoping", "Hao Deqing",
           "Chen Yi", "Qiao Xiaoguang", "Xi Jinping"]
TITLES = ["President", "Foreign Minister", "Ambassador", "Chairman", "Secretary of State",
          "Vice Minister", "Premier", "General"]
OFFICES = ["the Ministry of Foreign Affairs", "the Department of State",
           "the Chinese Embassy in North Korea", "the Embassy in Seoul",
           "the Ministry of Public Security"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TEMPLATES = [
    "{title} {a} sent a letter to {b} on {date}, asking for closer cooperation.",
    "On {date}, {a} met {b} in {city} to discuss the border and the question of trade.",
    "{a} wrote to {b} in {month} {year} about the prisoners held since the war.",
    "A telegram from {office} to {office2} reported the talks of {month} {year}.",
    "{a} held talks with {title} {b} in {city} on {date}, and both sides issued a statement.",
    "{title} {a} did not meet {b} during the visit to {city}.",
    "{a}, a senior official of the party, defected to South Korea on {date}.",
    "Officials said {a} planned to visit {city} to meet {b} later that year.",
    "In a letter to {b}, {a} thanked the government for its help after the floods.",
    "The delegation led by {a} called on {title} {b} on {date}.",
    "Reporters noted that the archive holds many letters from those years.",
    "A message from {a} was delivered to {b} by a special envoy in {month} {year}.",
]
CITIES = ["Pyongyang", "Seoul", "Beijing", "Washington", "Moscow", "Hanoi", "Geneva", "Tokyo"]


def person(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.5:
        return f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"
    return rng.choice(WESTERN if pick < 0.75 else CHINESE)


def sentence(rng: random.Random) -> str:
    year = rng.randint(1950, 2019)
    month = rng.choice(MONTHS)
    a, b = person(rng), person(rng)
    while b == a:
        b = person(rng)
    office, office2 = rng.sample(OFFICES, 2)
    return rng.choice(TEMPLATES).format(
        a=a, b=b, title=rng.choice(TITLES), date=f"{month} {rng.randint(1, 28)}, {year}",
        month=month, year=year, city=rng.choice(CITIES), office=office, office2=office2)


def document(rng: random.Random, number: int, sentences: int) -> str:
    year = rng.randint(1950, 2019)
    body = " ".join(sentence(rng) for _ in range(sentences))
    return (f"---\ntitle: Report {number}\ndate: {year}-{rng.randint(1, 12):02d}-"
            f"{rng.randint(1, 28):02d}\n---\n{body}\n")


def write_corpus(folder: Path, documents: int, sentences: int = 8, seed: int = 7,
                 prefix: str = "report") -> Path:
    """`documents` text files of about 20 × `sentences` words each."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(documents):
        (folder / f"{prefix}-{number:05d}.md").write_text(document(rng, number, sentences),
                                                        encoding="utf-8")
    return folder


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()
    write_corpus(args.out, args.documents)
