"""The examples and edge cases of the answer note for llm-api-batch-processing: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

class FakeLLM:
    """Echoes prompts after a prompt-dependent delay; scripted failures per prompt; tracks concurrency."""

    def __init__(self, failures):
        self.failures, self.calls, self.done, self.in_flight, self.peak = failures, [], [], 0, 0

    async def __call__(self, prompt):
        self.calls.append(prompt)
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        for _ in range(len(prompt) * 7 % 5):            # uneven latency: completion order scrambles
            await asyncio.sleep(0)
        self.in_flight -= 1
        if self.failures.get(prompt):
            raise self.failures[prompt].pop(0)
        self.done.append(prompt)
        return "echo:" + prompt


sleeps = []


async def fake_sleep(seconds):
    sleeps.append(seconds)
    await asyncio.sleep(0)


prompts = [f"p{i}" * (i % 4 + 1) for i in range(20)] + ["slow", "flaky", "dead", "bad", "p0"]
llm = FakeLLM({"slow": [RetryableError("429", retry_after=0.5)],
               "flaky": [RetryableError("500"), RetryableError("502")],
               "dead": [RetryableError("503") for _ in range(9)],
               "bad": [ValueError("400 bad request")]})
res = asyncio.run(process_batch(prompts, llm, max_concurrency=4, max_delay=3.0,
                                sleep=fake_sleep, jitter=lambda: 1.0))

assert [r.index for r in res] == list(range(len(prompts)))
assert all(r.ok and r.text == "echo:" + p for r, p in zip(res, prompts) if p not in ("dead", "bad"))
assert llm.done != [p for p in dict.fromkeys(prompts) if p in llm.done]      # finished out of order
assert 1 < llm.peak <= 4
by = {p: r for p, r in zip(prompts, res)}
assert by["slow"].ok and by["slow"].attempts == 2                            # honoured Retry-After
assert not by["dead"].ok and by["dead"].attempts == 4 and "gave up" in by["dead"].error
assert not by["bad"].ok and by["bad"].attempts == 1 and "ValueError" in by["bad"].error
assert by["flaky"].ok and by["flaky"].attempts == 3
assert sorted(sleeps) == [0.5, 1.0, 1.0, 2.0, 2.0, 3.0]                      # dead: 1, 2, 4 capped at 3
assert llm.calls.count("p0") == 1 and res[-1].text == res[0].text == "echo:p0"  # duplicate sent once
assert asyncio.run(process_batch([], llm)) == []
