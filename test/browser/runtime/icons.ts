// Simple line drawings for the icons the panel asks for, so screenshots show a glyph instead of an empty box.
// Drawn here by hand on a 24x24 grid (Obsidian itself ships Lucide); unknown ids get a small dot.
const SHAPES: Record<string, string[]> = {
	"arrow-left": ["M20 12H4", "M10 6l-6 6 6 6"],
	"arrow-right": ["M4 12h16", "M14 6l6 6-6 6"],
	"file-plus": ["M6 3h8l5 5v13H6z", "M14 3v5h5", "M12 11v6", "M9 14h6"],
	"git-fork": ["M7 4v6a3 3 0 0 0 3 3h4a3 3 0 0 0 3-3V4", "M12 13v7"],
	repeat: ["M4 11V9a3 3 0 0 1 3-3h12", "M16 3l3 3-3 3", "M20 13v2a3 3 0 0 1-3 3H5", "M8 21l-3-3 3-3"],
	"corner-down-left": ["M20 4v7a4 4 0 0 1-4 4H4", "M9 10l-5 5 5 5"],
	"messages-square": ["M3 4h12v9H8l-5 4z", "M18 8h3v12l-4-3h-7v-2"],
	file: ["M6 3h8l5 5v13H6z", "M14 3v5h5"],
	"file-x": ["M6 3h8l5 5v13H6z", "M14 3v5h5", "M9.5 12.5l5 5", "M14.5 12.5l-5 5"],
	"folder-open": ["M3 7V5h6l2 2h8v3", "M3 7v12h15l3-9H6l-3 9"],
	"list-tree": ["M4 6h16", "M7 6v12", "M7 12h3", "M13 12h7", "M7 18h3", "M13 18h7"],
	x: ["M6 6l12 12", "M18 6L6 18"],
	loader: ["M12 3v4", "M12 17v4", "M3 12h4", "M17 12h4", "M5.6 5.6l2.8 2.8", "M15.6 15.6l2.8 2.8"],
};

const SVG = "http://www.w3.org/2000/svg";

/** Fills the `<svg class="svg-icon">` the stand-in's setIcon left in `parent`. */
export function drawIcon(parent: HTMLElement, iconId: string): void {
	const svg = parent.querySelector("svg");
	if (!svg) return;
	svg.setAttribute("viewBox", "0 0 24 24");
	svg.setAttribute("fill", "none");
	svg.setAttribute("stroke", "currentColor");
	svg.setAttribute("stroke-linecap", "round");
	svg.setAttribute("stroke-linejoin", "round");
	for (const d of SHAPES[iconId] ?? ["M11 12h2"]) {
		const path = document.createElementNS(SVG, "path");
		path.setAttribute("d", d);
		svg.appendChild(path);
	}
}
