"""The examples and edge cases of the answer note for word-search-grid-trie: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

def exists(board, word):  # independent check: plain DFS for one word (LeetCode 79)
    rows, cols = len(board), len(board[0]) if board else 0

    def go(r, c, i, seen):
        if i == len(word):
            return True
        if not (0 <= r < rows and 0 <= c < cols) or (r, c) in seen or board[r][c] != word[i]:
            return False
        seen.add((r, c))
        hit = any(go(r + dr, c + dc, i + 1, seen) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)))
        seen.discard((r, c))
        return hit

    return bool(word) and any(go(r, c, 0, set()) for r in range(rows) for c in range(cols))


board = [list("oaan"), list("etae"), list("ihkr"), list("iflv")]
assert sorted(find_words(board, ["oath", "pea", "eat", "rain"])) == ["eat", "oath"]
assert board[0] == list("oaan")                                  # board restored
assert find_words([list("ab")], ["aba"]) == []                   # a cell can't be reused
assert find_words([list("ab")], ["ab", "ab", "ba"]) in (["ab", "ba"], ["ba", "ab"])  # duplicates once
assert find_words([], ["a"]) == [] and find_words([list("a")], []) == []
assert find_words([list("a")], ["a"]) == ["a"] and find_words([list("a")], [""]) == []
assert sorted(find_words([list("a#$")], ["a#$", "$#", "#"])) == ["#", "$#", "a#$"]  # any characters

rng = random.Random(0)
for _ in range(200):
    b = [[rng.choice("ab") for _ in range(rng.randint(1, 4))]]
    b += [[rng.choice("ab") for _ in b[0]] for _ in range(rng.randint(0, 3))]
    ws = {"".join(rng.choice("ab") for _ in range(rng.randint(1, 6))) for _ in range(8)}
    expected = sorted(w for w in ws if exists(b, w))
    assert sorted(find_words([row[:] for row in b], list(ws))) == expected
