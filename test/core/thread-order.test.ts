import { describe, expect, it } from "vitest";
import { ThreadIndex } from "../../src/core/thread-index";
import { orderThread } from "../../src/core/thread-order";
import { formatThread, loadCorpus, makeNote } from "./make-note";

const E10 = "chat2obs/E10-065006d";

function only(index: ThreadIndex): string {
	const threads = index.threads();
	expect(threads).toHaveLength(1);
	return formatThread(threads[0]!);
}

describe("thread order on the corpus", () => {
	it("E10 claude: a merged note is listed at its first part's place", () => {
		expect(only(loadCorpus(`${E10}/claude`))).toMatchInlineSnapshot(`
			"
			negative prompting.md
			tell me about classifier-free guidance.md
			what are some tricks with it.md
			i think negative prompting predates stable diffusion.md
			negative prompting tells a diffusion model what to avoid..md
			"
		`);
	});
	it("E10 adjacent same title: self-links, no loop", () => {
		expect(only(loadCorpus(`${E10}/edge-adjacent_same_title_conv`))).toMatchInlineSnapshot(`
			"
			summary.md  [self]
			"
		`);
	});
	it("E10 the the: a nested `the` link resolves", () => {
		expect(only(loadCorpus(`${E10}/edge-the_the_conv`))).toMatchInlineSnapshot(`
			"
			beatles and stuff.md
			next question here please.md
			"
		`);
	});
	it("E10 oai_x2: appended documents", () => {
		expect(only(loadCorpus(`${E10}/oai_x2`))).toMatchInlineSnapshot(`
			"
			entropy.md
			relate entropy to the arrow of time.md
			entropy (regenerated).md
			"
		`);
	});
	it("E01 raw-title links resolve to underscore file names; the overwritten first exchange makes a cycle", () => {
		expect(only(loadCorpus("chat2obs/E01-b4d5da9/claude"))).toMatchInlineSnapshot(`
			"
			tell_me_about_classifier-free_guidance.md  [cycle]
			what_are_some_tricks_with_it.md
			i_think_negative_prompting_predates_stable_diffusion.md
			What_is_negative_prompting?.md  [fork]
			Negative_prompting_tells_a_diffusion_model_what_to_avoid..md
			fork: What_is_negative_prompting?.md -> negative prompting tells a diffusion model what to avoid. | tell_me_about_classifier-free_guidance
			cycle: tell_me_about_classifier-free_guidance.md -> what_are_some_tricks_with_it.md -> i_think_negative_prompting_predates_stable_diffusion.md -> What_is_negative_prompting?.md
			"
		`);
	});
	it("E05 leading-space file names; the never-written first exchange leaves a fork and a cycle", () => {
		expect(only(loadCorpus("chat2obs/E05-28486b9/claude"))).toMatchInlineSnapshot(`
			"
			tell me about classifier-free guidance.md  [cycle]
			what are some tricks with it.md
			i think negative prompting predates stable diffusion.md
			negative prompting.md  [fork]
			 negative prompting tells a diffusion model what to avoid..md
			fork: negative prompting.md -> > negative prompting tells a diffusion model what to avoid. | tell me about classifier-free guidance
			cycle: tell me about classifier-free guidance.md -> what are some tricks with it.md -> i think negative prompting predates stable diffusion.md -> negative prompting.md
			"
		`);
	});
	it("E08 see also: a nested link to a file named with a leading space", () => {
		expect(only(loadCorpus("chat2obs/E08-b558bdf/edge-see_also_conv"))).toMatchInlineSnapshot(`
			"
			markov blanket.md
			what is free energy.md
			and active inference.md
			 a markov blanket shields a node.md
			"
		`);
	});
	it("E10 tool turns: an _untitled_ note", () => {
		expect(only(loadCorpus(`${E10}/edge-tool-turns`))).toMatchInlineSnapshot(`
			"
			explain gauge symmetry.md
			what about this image.md
			_untitled_a2.md
			"
		`);
	});
});

const t = (n: number): string => `2024-05-01T10:${String(n).padStart(2, "0")}:00.000Z`;

function order(notes: ReturnType<typeof makeNote>[]): string {
	const index = new ThreadIndex();
	for (const n of notes) index.setRecord(n);
	return index.threads().map(formatThread).join("---");
}

describe("thread order on hand-built notes", () => {
	it("a missing following is implied by the next note's preceding", () => {
		expect(
			order([
				makeNote({ path: "c.md", conv: "x", date: t(3), preceding: ["b"] }),
				makeNote({ path: "a.md", conv: "x", date: t(1), following: ["b"] }),
				makeNote({ path: "b.md", conv: "x", date: t(2), preceding: ["a"] }),
			]),
		).toMatchInlineSnapshot(`
			"
			a.md
			b.md
			c.md
			"
		`);
	});
	it("footer targets that resolve to nothing stand in their place", () => {
		expect(
			order([
				makeNote({ path: "a.md", conv: "x", date: t(1), following: ["Never Written"] }),
				makeNote({ path: "c.md", conv: "x", date: t(3), preceding: ["never written"], following: ["gone too"] }),
				makeNote({ path: "z.md", conv: "x", date: t(0), preceding: ["lost start"] }),
			]),
		).toMatchInlineSnapshot(`
			"
			? lost start
			z.md
			a.md
			? never written
			c.md
			? gone too
			"
		`);
	});
	it("forks: two followings, or two notes claiming the same predecessor", () => {
		expect(
			order([
				makeNote({ path: "a.md", conv: "x", date: t(1), following: ["b", "c"] }),
				makeNote({ path: "b.md", conv: "x", date: t(2), preceding: ["a"] }),
				makeNote({ path: "c.md", conv: "x", date: t(3), preceding: ["a"] }),
				makeNote({ path: "d.md", conv: "x", date: t(4), preceding: ["c"] }),
				makeNote({ path: "e.md", conv: "x", date: t(5), preceding: ["c"] }),
			]),
		).toMatchInlineSnapshot(`
			"
			a.md  [fork]
			b.md
			c.md  [fork]
			d.md
			e.md
			fork: a.md -> b | c
			fork: c.md -> d | e
			"
		`);
	});
	it("cycles are reported and never loop; leftovers walk in date order", () => {
		expect(
			order([
				makeNote({ path: "a.md", conv: "x", date: t(2), following: ["b"] }),
				makeNote({ path: "b.md", conv: "x", date: t(3), following: ["c"] }),
				makeNote({ path: "c.md", conv: "x", date: t(1), following: ["a"] }),
			]),
		).toMatchInlineSnapshot(`
			"
			c.md  [cycle]
			a.md
			b.md
			cycle: c.md -> a.md -> b.md
			"
		`);
	});
	it("self-links: a one-part note following itself", () => {
		expect(
			order([
				makeNote({ path: "a.md", conv: "x", date: t(1), following: ["a", "b"] }),
				makeNote({ path: "b.md", conv: "x", date: t(2), preceding: ["a"], following: ["B"] }),
			]),
		).toMatchInlineSnapshot(`
			"
			a.md  [self]
			b.md  [self]
			"
		`);
	});
	it("starting points: earliest date first, then path; undated last", () => {
		expect(
			order([
				makeNote({ path: "late.md", conv: "x", date: t(9) }),
				makeNote({ path: "undated.md", conv: "x", date: null }),
				makeNote({ path: "b.md", conv: "x", date: t(1) }),
				makeNote({ path: "a.md", conv: "x", date: t(1) }),
			]),
		).toMatchInlineSnapshot(`
			"
			a.md
			b.md
			late.md
			undated.md
			"
		`);
	});
	it("a note in two conversations (appended documents) is in both threads, with the parts of each", () => {
		const both = makeNote({
			path: "entropy.md",
			documents: [{ conv: ["c1"], date: t(1) }, { conv: ["c2"], date: t(5) }],
			parts: [{ following: ["one"], document: 0 }, { preceding: ["two"], document: 1 }],
		});
		expect(
			order([
				both,
				makeNote({ path: "one.md", conv: "c1", date: t(2), preceding: ["entropy"] }),
				makeNote({ path: "two.md", conv: "c2", date: t(4), following: ["entropy"] }),
			]),
		).toMatchInlineSnapshot(`
			"
			entropy.md
			one.md
			---
			two.md
			entropy.md
			"
		`);
	});
	it("a following into another conversation's note is not part of this thread", () => {
		expect(
			order([
				makeNote({ path: "a.md", conv: "x", date: t(1), following: ["other"] }),
				makeNote({ path: "other.md", conv: "y", date: t(2) }),
			]),
		).toMatchInlineSnapshot(`
			"
			a.md
			---
			other.md
			"
		`);
	});
	it("a 10,000-exchange chain, stored shuffled, comes out whole and in order", () => {
		const n = 10_000;
		const notes = Array.from({ length: n }, (_, i) =>
			makeNote({
				path: `chain/n${i}.md`,
				conv: "long",
				date: null,
				preceding: i > 0 ? [`n${i - 1}`] : [],
				following: i < n - 1 ? [`n${i + 1}`] : [],
			}),
		);
		const shuffled = notes.map((note, i) => ({ note, k: (i * 7919) % n })).sort((a, b) => a.k - b.k);
		const resolve = (l: { target: string }): string | null => `chain/${l.target}.md`;
		const thread = orderThread("long", shuffled.map(({ note }) => ({ note, parts: note.parts })), resolve);
		expect(thread.entries).toHaveLength(n);
		expect(thread.entries.every((e, i) => e.kind === "note" && e.path === `chain/n${i}.md`)).toBe(true);
		expect(thread.cycles).toEqual([]);
		// A 10,000-note ring: one cycle, still no recursion.
		const ring = notes.map((note, i) => (i === n - 1 ? { ...note, parts: [{ ...note.parts[0]!, following: makeNote({ path: "x.md", following: ["n0"] }).parts[0]!.following }] } : note));
		const closed = orderThread("ring", ring.map((note) => ({ note, parts: note.parts })), resolve);
		expect(closed.entries).toHaveLength(n);
		expect(closed.cycles).toHaveLength(1);
		expect(closed.cycles[0]).toHaveLength(n);
	});
});
