// Obsidian's HTMLElement helpers (createEl, createDiv, empty, setText, ...) on top of happy-dom.
type Attrs = Record<string, string | number | boolean | null>;
export interface DomInfo {
	cls?: string | string[];
	text?: string;
	attr?: Attrs;
	title?: string;
	value?: string;
	type?: string;
	placeholder?: string;
	href?: string;
}

function classes(cls: string | string[] | undefined): string[] {
	if (cls === undefined) return [];
	return (Array.isArray(cls) ? cls : [cls]).flatMap((c) => c.split(/\s+/)).filter((c) => c !== "");
}

function make(tag: string, info?: DomInfo | string, callback?: (el: HTMLElement) => void): HTMLElement {
	const el = document.createElement(tag);
	const o: DomInfo = typeof info === "string" ? { cls: info } : (info ?? {});
	const cls = classes(o.cls);
	if (cls.length > 0) el.classList.add(...cls);
	if (o.text !== undefined) el.textContent = o.text;
	if (o.title !== undefined) el.title = o.title;
	if (o.value !== undefined) (el as HTMLInputElement).value = o.value;
	if (o.type !== undefined) el.setAttribute("type", o.type);
	if (o.placeholder !== undefined) el.setAttribute("placeholder", o.placeholder);
	if (o.href !== undefined) el.setAttribute("href", o.href);
	for (const [name, value] of Object.entries(o.attr ?? {})) {
		if (value === null || value === false) continue;
		el.setAttribute(name, String(value));
	}
	callback?.(el);
	return el;
}

let installed = false;

export function installDomHelpers(): void {
	if (installed || typeof HTMLElement === "undefined") return;
	installed = true;
	const proto = (typeof Element !== "undefined" ? Element.prototype : HTMLElement.prototype) as unknown as Record<string, unknown>;
	proto.createEl = function (this: HTMLElement, tag: string, info?: DomInfo | string, callback?: (el: HTMLElement) => void) {
		const el = make(tag, info, callback);
		this.appendChild(el);
		return el;
	};
	proto.createDiv = function (this: HTMLElement, info?: DomInfo | string, callback?: (el: HTMLElement) => void) {
		const el = make("div", info, callback);
		this.appendChild(el);
		return el;
	};
	proto.createSpan = function (this: HTMLElement, info?: DomInfo | string, callback?: (el: HTMLElement) => void) {
		const el = make("span", info, callback);
		this.appendChild(el);
		return el;
	};
	proto.empty = function (this: HTMLElement) {
		while (this.firstChild) this.removeChild(this.firstChild);
	};
	proto.setText = function (this: HTMLElement, text: string) {
		this.textContent = text;
	};
	proto.addClass = function (this: HTMLElement, ...cls: string[]) {
		this.classList.add(...classes(cls));
	};
	proto.removeClass = function (this: HTMLElement, ...cls: string[]) {
		this.classList.remove(...classes(cls));
	};
	proto.toggleClass = function (this: HTMLElement, cls: string | string[], value: boolean) {
		for (const c of classes(cls)) this.classList.toggle(c, value);
	};
	proto.hasClass = function (this: HTMLElement, cls: string) {
		return this.classList.contains(cls);
	};
	proto.setAttr = function (this: HTMLElement, name: string, value: string | number | boolean | null) {
		if (value === null) this.removeAttribute(name);
		else this.setAttribute(name, String(value));
	};
	/** Shown = attached to the document and no ancestor hidden (display: none or the `hidden` attribute). */
	proto.isShown = function (this: HTMLElement) {
		if (!this.isConnected) return false;
		for (let el: HTMLElement | null = this; el; el = el.parentElement) {
			if (el.hidden || el.style.display === "none") return false;
		}
		return true;
	};
	const g = globalThis as unknown as Record<string, unknown>;
	g.createEl = (tag: string, info?: DomInfo | string, cb?: (el: HTMLElement) => void) => make(tag, info, cb);
	g.createDiv = (info?: DomInfo | string, cb?: (el: HTMLElement) => void) => make("div", info, cb);
	g.createSpan = (info?: DomInfo | string, cb?: (el: HTMLElement) => void) => make("span", info, cb);
}
