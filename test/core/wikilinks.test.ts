import { describe, expect, test } from "vitest";
import { inlineCodeSpans, scanLineLinks, splitLinkText } from "../../src/core/wikilinks";

const targets = (line: string) => scanLineLinks(line, 1, 0).links.map((l) => `${l.inner ? "  " : ""}${l.target}${l.nested ? " *" : ""}`);

describe("nested links", () => {
	test("the generator's footer link gives the repaired outer target and the inner link", () => {
		expect(targets("following: [[i think [[negative prompting]] predates stable diffusion]]")).toEqual([
			"i think negative prompting predates stable diffusion *",
			"  negative prompting",
		]);
	});
	test("[[the [[x]]]] closes with a run of four brackets", () => {
		expect(targets("preceding: [[the [[beatles and stuff]]]]")).toEqual(["the beatles and stuff *", "  beatles and stuff"]);
	});
	test("three levels", () => {
		expect(targets("[[a [[b [[c]]]]]]")).toEqual(["a b c *", "  b c *", "  c"]);
	});
	test("stray closing runs and unclosed openings are text", () => {
		expect(targets("]]]] x [[ y [[z]] ]] ]]")).toEqual(["y z *", "  z"]);
		expect(targets("[[ never closed [[ok]]")).toEqual(["ok"]);
		expect(scanLineLinks("[[ never closed [[ok]]", 1, 0).links[0]?.inner).toBe(false);
	});
	test("positions point at the brackets, in reading order", () => {
		const line = "x [[a [[b]] c]] y ![[img.png]]";
		const links = scanLineLinks(line, 7, 100).links;
		expect(links.map((l) => [l.raw, l.line, l.column, l.start, l.end])).toEqual([
			["[[a [[b]] c]]", 7, 2, 102, 115],
			["[[b]]", 7, 6, 106, 111],
			["![[img.png]]", 7, 18, 118, 130],
		]);
		for (const l of links) expect(line.slice(l.start - 100, l.end - 100)).toBe(l.raw);
	});
	test("10,000-deep nesting is capped and reported, not recursed", () => {
		const line = "[[".repeat(10_000) + "x" + "]]".repeat(10_000);
		const scan = scanLineLinks(line, 1, 0);
		expect(scan.tooDeep).toBe(true);
		expect(scan.links.length).toBe(32);
		expect(scan.links[0]?.target).toBe("x");
	});
});

describe("forms", () => {
	test("alias, heading, block, embed", () => {
		expect(splitLinkText("note|shown")).toEqual({ target: "note", alias: "shown", heading: null, block: null });
		expect(splitLinkText("note#Heading one")).toEqual({ target: "note", alias: null, heading: "Heading one", block: null });
		expect(splitLinkText("note#^abc")).toEqual({ target: "note", alias: null, heading: null, block: "abc" });
		expect(splitLinkText("a\\|b")).toEqual({ target: "a", alias: "b", heading: null, block: null });
		const [embed] = scanLineLinks("![[pic.png|200]]", 1, 0).links;
		expect(embed).toMatchObject({ target: "pic.png", alias: "200", embed: true, column: 0 });
	});
	test("a title with # or | splits the link as Obsidian does", () => {
		expect(scanLineLinks("[[c# vs f# | compared]]", 1, 0).links[0]).toMatchObject({ target: "c", heading: " vs f# ", alias: " compared" });
	});
	test("empty links are skipped", () => {
		expect(targets("[[]] [[#heading]] [[|alias]]")).toEqual([]);
	});
});

describe("inline code", () => {
	test("links inside code spans are not links", () => {
		expect(targets("`def [[softmax]](x)` and [[real]] and ``a [[b]] `c` `` and `unclosed [[kept]]")).toEqual(["real", "kept"]);
	});
	test("spans pair runs of the same length only", () => {
		expect(inlineCodeSpans("a `b`` c` d")).toEqual([2, 9]);
		expect(inlineCodeSpans("``x` y``")).toEqual([0, 8]);
	});
	test("many unmatched backtick runs stay linear", () => {
		const line = Array.from({ length: 20_000 }, (_, i) => "`".repeat((i % 50) + 1) + "[[a]]").join(" ");
		expect(scanLineLinks(line, 1, 0).links.length).toBeGreaterThan(0);
	});
});
