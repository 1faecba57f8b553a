import posixpath
import random

def cd(cwd: str, path: str, links: dict[str, str], max_links: int=40) -> str:
    """Return the absolute, link-free directory reached by `cd -P path` from the resolved absolute cwd.

    links maps an absolute link path to its target (absolute, or relative to the link's directory).
    Raise ValueError for an empty path or when more than max_links links are followed (a cycle).
    """
    raise NotImplementedError('your solution here')
