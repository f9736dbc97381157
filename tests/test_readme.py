"""The README's commands run on a fresh clone: the block under "Running kgraph after
`make demo`", run in a copy of the clone's corpus/ and tests/gold/ after the build
`make demo` makes; and `make lab` installs what the notebooks need."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess

from typer.testing import CliRunner

from kgraph.cli import app

from .conftest import ROOT

runner = CliRunner()


def _section(title: str) -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def _commands(section: str) -> list[list[str]]:
    """The kgraph command lines of the section's last sh block."""
    block = re.findall(r"```sh\n(.*?)```", section, re.S)[-1]
    lines = [line.split("  #")[0].strip() for line in block.splitlines()]
    return [shlex.split(line)[1:] for line in lines if line.startswith("kgraph ")]


def test_the_commands_after_make_demo_run_on_the_clone(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "tests" / "gold", tmp_path / "tests" / "gold")
    monkeypatch.chdir(tmp_path)
    section = _section("Running kgraph after `make demo`")
    assert ".venv/bin/kgraph" in section and "source .venv/bin/activate" in section
    demo = re.search(r"^demo:.*\n\t\$\(BIN\)/kgraph (.*)$", (ROOT / "Makefile").read_text(), re.M)
    made = runner.invoke(app, shlex.split(demo.group(1)))
    assert made.exit_code == 0, made.output
    commands = _commands(section)
    assert len(commands) >= 8
    for command in commands:
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (command, result.output)
        assert "Traceback" not in result.output
    assert (tmp_path / "letters.html").is_file() and (tmp_path / "actors.graphml").is_file()
    assert "<title>Letters</title>" in (tmp_path / "letters.html").read_text("utf-8")
    assert "<title>News reports</title>" in (
        tmp_path / "news-build" / "graph.html").read_text("utf-8")


def test_make_lab_installs_jupyterlab_and_opens_the_notebooks():
    assert "make lab" in _section("Notebooks")
    dry = subprocess.run(["make", "-n", "-B", "lab"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    assert "pip install --quiet -e '.[lab]'" in dry and "jupyter lab" in dry
    assert "notebooks/" in dry
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert re.search(r'^lab = \[.*"jupyterlab>=4"', pyproject, re.M)


def test_the_readme_uses_no_file_a_clone_lacks():
    """Paths in ../shared are named as such, never given as if they were in the clone."""
    text = (ROOT / "README.md").read_text("utf-8")
    for path in re.findall(r"(?<![\w./])((?:corpus|tests|notebooks|ontology)/[\w./-]*\w)", text):
        assert (ROOT / path).exists(), path
