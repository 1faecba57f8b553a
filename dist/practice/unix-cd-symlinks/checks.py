"""The examples and edge cases of the answer note for unix-cd-symlinks: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

assert cd("/home/ann", "docs/../code/./x", {}) == "/home/ann/code/x"
assert cd("/home/ann", "/", {}) == "/" and cd("/", "../..", {}) == "/"  # never above root
assert cd("/a", "//b///c/", {}) == "/b/c"
links = {"/usr/bin": "/opt/tools/bin", "/home/ann/cur": "releases/v2", "/v": "/usr"}
assert cd("/", "/usr/bin", links) == "/opt/tools/bin"
assert cd("/", "usr/bin/..", links) == "/opt/tools"                     # physical: parent of the target
assert cd("/home/ann", "cur/lib", links) == "/home/ann/releases/v2/lib"  # relative target
assert cd("/", "/v/bin", links) == "/opt/tools/bin"                      # link to a path through a link
assert cd("/tmp", "/usr/binx", links) == "/usr/binx"                     # whole components only
loop = {"/a": "/b", "/b": "a"}
for bad in ("/a", ""):
    try:
        cd("/", bad, loop)
        raise AssertionError("must raise")
    except ValueError:
        pass
assert cd("/", "/a", {"/a": "/b", "/b": "/c"}) == "/c"                  # a chain is fine

rng = random.Random(5)                           # without links it is lexical normalization
for _ in range(500):
    p = "/".join(rng.choice(["a", "b", "..", ".", ""]) for _ in range(rng.randint(1, 6)))
    cwd = rng.choice(["/", "/x", "/x/y"])
    if p.startswith("/"):
        p = "/" + p.lstrip("/")                  # posixpath keeps a leading "//"
    if p:
        assert cd(cwd, p, {}) == posixpath.normpath(posixpath.join(cwd, p))
