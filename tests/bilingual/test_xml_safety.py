"""Entity bombs and external entities are refused, with exit code 2 from the CLI (timings: benchmarks)."""

from __future__ import annotations

import subprocess
import sys
import threading
import socket

import pytest

from mtqa.config.settings import load_settings
from mtqa.errors import InputError
from mtqa.readers import read_file

LOL = "".join(
    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
)
BOMB = f"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY lol0 "lol">{LOL}]>
<xliff version="1.2"><file source-language="de"><body><trans-unit id="1">
<source>&lol9;</source><target>&lol9;</target></trans-unit></body></file></xliff>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>&secret;</seg></tuv>
<tuv xml:lang="en"><seg>&secret;</seg></tuv></tu></body></tmx>"""
QUADRATIC = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "' + "x" * 100_000 + '">]>'
             '<tmx version="1.4"><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>'
             + "&a;" * 10_000 + "</seg></tuv></tu></body></tmx>")


@pytest.mark.parametrize("name,content", [("bomb.xlf", BOMB), ("external.tmx", EXTERNAL),
                                          ("quadratic.tmx", QUADRATIC)])
def test_refused_in_process(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="unsafe XML"):
        read_file(str(path), load_settings())


@pytest.mark.parametrize("name,content,word", [("bomb.xlf", BOMB, "entity"), ("external.tmx", EXTERNAL, "external")])
def test_cli_exit_code_2_with_one_line(tmp_path, name, content, word):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mtqa", "check", "--no-grammar", "--format", "json",
                             str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("mtqa: error:")]
    assert len(errors) == 1 and str(path) in errors[0] and word in errors[0]
    assert "Traceback" not in result.stderr and "root:" not in result.stdout


def test_external_dtd_is_never_fetched(tmp_path):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.5)
    port = server.getsockname()[1]
    connections = []

    def accept():
        try:
            connections.append(server.accept())
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    path = tmp_path / "dtd.tmx"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "http://127.0.0.1:{port}/tmx14.dtd">'
                    '<tmx version="1.4"><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>Hallo 5</seg></tuv>'
                    '<tuv xml:lang="en"><seg>Hello 5</seg></tuv></tu></body></tmx>', encoding="utf-8")
    (document,) = read_file(str(path), load_settings())
    thread.join()
    server.close()
    assert document.text == "Hello 5"
    assert connections == []
