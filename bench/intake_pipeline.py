"""Intake pipeline latency per message: redaction, language, classification, whole.

A corpus of support messages in the 15 languages (some carrying seed phrases, keys and
card numbers, some long) is run through each stage and through ``pipeline.examine``;
p50/p99 per stage, median of rounds. The first stage (redaction alone) is the baseline
the others are compared with. Run: .venv/bin/python bench/intake_pipeline.py
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from collections.abc import Callable

from mnemonic import Mnemonic

from cexdesk.intake.classify import classify
from cexdesk.intake.language import detect
from cexdesk.intake.pipeline import examine
from cexdesk.intake.redaction import redact

BASE = [
    "My deposit has not arrived after one hour, the network shows enough confirmations.",
    "我的充值还没有到账，已经过了两个小时，交易哈希我已经提供了，请帮我查一下是什么原因。",
    "提幣一直在審核中，請問什麼時候可以完成？我已經完成了身份認證和人臉識別。",
    "Tôi đã nạp USDT qua mạng TRC20 nhưng chưa thấy số dư, xin hãy kiểm tra giúp tôi.",
    "Мой вывод средств заблокирован на 24 часа после смены пароля, это нормально?",
    "Мій депозит не зараховано, я відправив монети через неправильну мережу.",
    "Deposit saya belum masuk, saya sudah menunggu lebih dari satu jam.",
    "Para çekme işlemim beklemede, lütfen yardımcı olur musunuz?",
    "Mi retiro está pendiente desde ayer, ¿pueden revisar la dirección de destino?",
    "Meu depósito via P2P não foi liberado pelo vendedor, abri uma apelação.",
    "Mon dépôt n'est pas crédité, j'ai oublié le mémo pour le XRP.",
    "Meine Auszahlung wurde wegen einer Sicherheitsprüfung angehalten, was muss ich tun?",
    "Il mio prelievo è bloccato da ieri, potete verificare per favore?",
    "Moja wypłata jest wstrzymana, czy możecie sprawdzić dlaczego?",
    "لم يصل إيداعي بعد، أرسلت العملات عبر شبكة خاطئة، هل يمكن استردادها؟",
    "My account was hacked and there is an unknown withdrawal, please freeze it now!",
]


def corpus() -> list[str]:
    seed = Mnemonic("english").to_mnemonic(hashlib.sha256(b"bench").digest())
    spanish = Mnemonic("spanish").to_mnemonic(hashlib.sha256(b"banco").digest()[:16])
    extra = [
        f"Help, here are my words: {seed}",
        f"Frase: {spanish}",
        "I paid with card 4111 1111 1111 1111 and my private key is "
        + hashlib.sha256(b"k").hexdigest(),
        " ".join(BASE) * 3,  # a long email thread pasted in
    ]
    return BASE + extra


def measure(
    stage: Callable[[str], object], messages: list[str], rounds: int
) -> tuple[float, float]:
    p50s, p99s = [], []
    for _ in range(rounds):
        timings = []
        for message in messages * 20:
            started = time.perf_counter()
            stage(message)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p50s.append(statistics.median(timings))
        p99s.append(timings[min(len(timings) - 1, int(0.99 * len(timings)))])
    return statistics.median(p50s), statistics.median(p99s)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    messages = corpus()
    detect("warm up the language model once")
    stages: list[tuple[str, Callable[[str], object]]] = [
        ("redaction", redact),
        ("language", detect),
        ("classification", classify),
        ("whole pipeline", lambda m: examine(m, subject="Help", profile_language="en")),
    ]
    print(f"{len(messages)} messages x 20 per round, {args.rounds} rounds (medians)")
    print(f"{'stage':<16} {'p50 ms':>8} {'p99 ms':>8} {'p50 x redaction':>16}")
    baseline = None
    for name, stage in stages:
        p50, p99 = measure(stage, messages, args.rounds)
        baseline = baseline or p50
        print(f"{name:<16} {p50:>8.3f} {p99:>8.3f} {p50 / baseline:>16.1f}")


if __name__ == "__main__":
    main()
