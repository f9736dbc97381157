"""Every user error is one line that says what to do, with a non-zero exit, never a traceback."""

from __future__ import annotations

import socket

import pytest
from typer.testing import CliRunner

from kgraph.api import KnowledgeGraph
from kgraph.cli import app
from kgraph.query.syntax import SparqlSyntaxError

from .conftest import CORPUS

runner = CliRunner()
GOOD = "Kim Jong-un sent a letter to Donald Trump on September 21, 2018.\n"


def one_line_error(args: list[str]) -> str:
    """Run the CLI; assert a non-zero exit and one line of output; return that line."""
    result = runner.invoke(app, args)
    lines = result.output.strip().splitlines()
    assert result.exit_code != 0, result.output
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return lines[0]


@pytest.mark.parametrize(("option", "value", "named"), [
    ("--relation", "sentLetter", "sentLetterTo, metWith or defectedFrom"),
    ("--relation", "letters", "sentLetterTo, metWith or defectedFrom"),
    ("--type", "person", "Person"),
    ("--from", "nineteen64", "1964-06"),
    ("--to", "1968/06", "1964-06"),
    ("--modality", "asserted,maybe", "asserted, planned or negated"),
    ("--min-confidence", "5", "from 0 to 1"),
])
@pytest.mark.parametrize("command", ["analyze", "viz"])
def test_unknown_filter_values_name_the_allowed_ones(corpus_build, tmp_path, command, option,
                                                     value, named):
    args = [command, "-s", str(corpus_build.out), option, value]
    if command == "viz":
        args += ["-o", str(tmp_path / "page.html")]
    line = one_line_error(args)
    assert value.split(",")[-1] in line and named in line
    assert not (tmp_path / "page.html").exists()


def test_comma_separated_filter_values_are_each_kept(corpus_build):
    result = runner.invoke(app, ["analyze", "-s", str(corpus_build.out), "-f", "json",
                                 "--modality", "asserted,planned", "--type", "Person,Country"])
    assert result.exit_code == 0, result.output
    assert '"letters_sent"' in result.output


def test_the_api_raises_a_clear_value_error(corpus_build):
    kg = KnowledgeGraph.open(corpus_build.out)
    with pytest.raises(ValueError, match="unknown relation 'letters'; use sentLetterTo"):
        kg.to_networkx(relations={"letters"})
    with pytest.raises(ValueError, match="unknown modality 'maybe'"):
        kg.analyze(modalities=["maybe"])
    with pytest.raises(ValueError, match="write it as 1964"):
        kg.to_networkx(start="nineteen64")
    assert kg.to_networkx(relations="metWith").number_of_edges() == \
        kg.to_networkx(relations={"metWith"}).number_of_edges() > 0  # a string is one value


def test_no_documents_is_an_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    line = one_line_error(["build", str(empty), "--out", str(tmp_path / "out")])
    assert "no files to read" in line and str(empty) in line
    assert not (tmp_path / "out").exists()
    (empty / "blank.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["build", str(empty), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0 and "no document could be read" in result.output
    assert "Traceback" not in result.output
    (empty / "blank.txt").unlink()
    assert "no document found" in one_line_error(["extract", str(empty)])


def test_out_that_is_a_file_or_holds_a_file_named_store(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "one.txt").write_text(GOOD, encoding="utf-8")
    a_file = tmp_path / "out.txt"
    a_file.write_text("mine", encoding="utf-8")
    assert "this is a file" in one_line_error(["build", str(docs), "--out", str(a_file)])
    holder = tmp_path / "holder"
    holder.mkdir()
    (holder / "store").write_text("mine", encoding="utf-8")
    assert "a file named 'store'" in one_line_error(["build", str(docs), "--out", str(holder),
                                                     "--force"])
    assert a_file.read_text() == "mine" and (holder / "store").read_text() == "mine"


def test_out_that_is_not_a_build_is_refused_unless_forced(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "one.txt").write_text(GOOD, encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "graph.html").write_text("my own page", encoding="utf-8")
    line = one_line_error(["build", str(docs), "--out", str(mine)])
    assert "not empty and is not a kgraph build" in line and "--force" in line
    assert (mine / "graph.html").read_text() == "my own page"
    result = runner.invoke(app, ["build", str(docs), "--out", str(mine), "--force"])
    assert result.exit_code == 0, result.output
    assert (mine / "store").is_dir()
    # the build it made is a kgraph build now: building the same documents again is fine
    assert runner.invoke(app, ["build", str(docs), "--out", str(mine)]).exit_code == 0
    # other documents into it are refused: they would mix with these
    other = tmp_path / "other"
    other.mkdir()
    (other / "two.txt").write_text("Moon Jae-in met Kim Jong-un on April 27, 2018.\n", "utf-8")
    line = one_line_error(["build", str(other), "--out", str(mine)])
    assert "1 document file(s) from elsewhere" in line and "one.txt" in line


def test_query_from_a_missing_file(corpus_build, tmp_path):
    line = one_line_error(["query", f"@{tmp_path / 'missing.rq'}", "-s", str(corpus_build.out)])
    assert "missing.rq: no such file" in line
    assert "a folder" in one_line_error(["query", f"@{tmp_path}", "-s", str(corpus_build.out)])


def test_serve_on_a_busy_port(corpus_build):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        line = one_line_error(["serve", "-s", str(corpus_build.out), "--port", str(port)])
    assert f"127.0.0.1:{port}" in line and "--port" in line


@pytest.mark.parametrize(("sparql", "expected"), [
    ("SELEC ?a WHERE { ?a ?b ?c }",
     "line 1, column 1: 'SELEC' does not start a query; write SELECT, ASK, CONSTRUCT or DESCRIBE"),
    ("SELECT ?a WHERE { ?a foo:bar ?c }", "line 1, column 22: unknown prefix 'foo:'"),
    ("SELECT ?a\nWHERE { ?a ?b ?c } LIMT 5", "line 2, column 20: unexpected 'LIMT 5'"),
    ("SELECT ?a WHERE {\n  ?a ?b ?c", "every '{' is closed"),
    ("SELECT ?a WHERE { ?a <http://x:y> ?c }", "line 1, column"),
])
def test_sparql_errors_point_at_the_users_own_line(corpus_build, sparql, expected):
    with pytest.raises(SparqlSyntaxError) as caught:
        KnowledgeGraph.open(corpus_build.out).select(sparql)
    assert expected in str(caught.value) and "\n" not in str(caught.value)
    line = one_line_error(["query", sparql, "-s", str(corpus_build.out)])
    assert expected in line


def test_a_prefix_declared_in_the_query_is_not_unknown(corpus_build):
    sparql = ("PREFIX ex: <http://example.org/>\n"
              "SELECT ?a WHERE { ?a ex:p <http://x.org/a:b> . FILTER(?a != 'c:d') } LIMIT 1")
    assert KnowledgeGraph.open(corpus_build.out).select(sparql) == []


def test_corpus_folder_itself_is_never_mixed(corpus_build):
    """The session's corpus build refuses documents from elsewhere, unless forced."""
    line = one_line_error(["build", str(CORPUS / "letters"), str(CORPUS / "news"),
                           "--out", str(corpus_build.out)])
    assert "from elsewhere" in line


def test_out_holding_only_other_builds_is_accepted(tmp_path):
    """`make test` leaves the notebooks' build in build/notebooks: `make demo` into build/
    must still work (nothing of the demo's clashes with another build's folder)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "one.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "build"
    (out / "notebooks" / "store").mkdir(parents=True)
    result = runner.invoke(app, ["build", str(docs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "store").is_dir() and (out / "notebooks" / "store").is_dir()
