"""Front-end libraries, fetched from the npm registry at build time (``make`` runs this).

The project commits none of their code: ``vendor.json`` pins each package's version
and the registry's sha512 integrity, and this fetches the tarball, checks it and puts
the listed files under ``static/vendor/`` (ignored by git). Nothing is fetched at run
time; ``serve`` refuses to start without the files (see ``missing_files``).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

HERE = Path(__file__).parent
MANIFEST = HERE / "vendor.json"
TARGET = HERE / "static" / "vendor"
REGISTRY = "https://registry.npmjs.org"


def _manifest() -> dict[str, dict[str, object]]:
    loaded: dict[str, dict[str, object]] = json.loads(MANIFEST.read_text())
    return loaded


def _targets(entry: dict[str, object]) -> dict[str, str]:
    files = entry["files"]
    assert isinstance(files, dict)
    return {str(k): str(v) for k, v in files.items()}


def missing_files() -> list[str]:
    """Vendored files the pages need that are not on disk."""
    return [
        name
        for entry in _manifest().values()
        for name in _targets(entry).values()
        if not (TARGET / name).is_file()
    ]


def _tarball_url(package: str, version: str) -> str:
    basename = package.rsplit("/", 1)[-1]
    return f"{REGISTRY}/{package}/-/{basename}-{version}.tgz"


def fetch(package: str, entry: dict[str, object]) -> None:
    version, integrity = str(entry["version"]), str(entry["integrity"])
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        raise SystemExit(f"{package}: only sha512 integrity is accepted, got {algorithm}")
    with urllib.request.urlopen(_tarball_url(package, version), timeout=60) as response:  # noqa: S310
        data = response.read()
    if base64.b64encode(hashlib.sha512(data).digest()).decode() != expected:
        raise SystemExit(f"{package}@{version}: tarball does not match its pinned integrity")
    TARGET.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for inside, name in _targets(entry).items():
            member = archive.extractfile(inside)
            if member is None:
                raise SystemExit(f"{package}@{version}: {inside} is not in the tarball")
            (TARGET / name).write_bytes(member.read())


def main() -> None:
    for package, entry in _manifest().items():
        if all((TARGET / name).is_file() for name in _targets(entry).values()):
            continue
        print(f"fetching {package}@{entry['version']} from the npm registry", file=sys.stderr)
        fetch(package, entry)


if __name__ == "__main__":
    main()
