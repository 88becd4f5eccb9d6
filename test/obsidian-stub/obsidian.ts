// A small in-memory stand-in for the parts of the Obsidian API the plugin uses (vitest aliases `obsidian` here).
// Vault, Workspace and friends hold files in memory and fire the same events Obsidian does.
import { installDomHelpers } from "./dom";

installDomHelpers();

/* ----------------------------------------------------------------------------------------------- events */

export interface EventRef {
	e: Events;
	name: string;
	fn: (...args: unknown[]) => unknown;
	ctx?: unknown;
}

export class Events {
	/** Live handlers across every Events object: a leak shows up as a number that does not go back down. */
	static live = 0;
	private readonly handlers = new Map<string, EventRef[]>();

	on(name: string, callback: (...args: never[]) => unknown, ctx?: unknown): EventRef {
		const ref: EventRef = { e: this, name, fn: callback as (...args: unknown[]) => unknown, ctx };
		const list = this.handlers.get(name) ?? [];
		list.push(ref);
		this.handlers.set(name, list);
		Events.live++;
		return ref;
	}

	off(name: string, callback: (...args: never[]) => unknown): void {
		for (const ref of [...(this.handlers.get(name) ?? [])]) if (ref.fn === callback) this.offref(ref);
	}

	offref(ref: EventRef): void {
		const list = this.handlers.get(ref.name);
		const at = list?.indexOf(ref) ?? -1;
		if (list && at >= 0) {
			list.splice(at, 1);
			Events.live--;
		}
	}

	trigger(name: string, ...args: unknown[]): void {
		for (const ref of [...(this.handlers.get(name) ?? [])]) ref.fn.apply(ref.ctx, args);
	}

	tryTrigger(ref: EventRef, args: unknown[]): void {
		try {
			ref.fn.apply(ref.ctx, args);
		} catch (error) {
			console.error(error);
		}
	}

	/** Test helper: handlers registered for a name on this object. */
	handlerCount(name?: string): number {
		if (name !== undefined) return this.handlers.get(name)?.length ?? 0;
		let n = 0;
		for (const list of this.handlers.values()) n += list.length;
		return n;
	}
}

/* ----------------------------------------------------------------------------------------------- component */

export class Component {
	private loaded = false;
	private children: Component[] = [];
	private cleanups: (() => unknown)[] = [];
	/** Test helper: what onload returned (a plugin's async onload is awaited through this). */
	onloadResult: unknown;

	load(): void {
		if (this.loaded) return;
		this.loaded = true;
		this.onloadResult = this.onload();
		for (const child of [...this.children]) child.load();
	}

	onload(): unknown {
		return undefined;
	}

	unload(): void {
		if (!this.loaded) return;
		this.loaded = false;
		for (const child of [...this.children].reverse()) child.unload();
		this.children = [];
		const cleanups = this.cleanups;
		this.cleanups = [];
		for (const cleanup of cleanups.reverse()) cleanup();
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Component>(component: T): T {
		this.children.push(component);
		if (this.loaded) component.load();
		return component;
	}

	removeChild<T extends Component>(component: T): T {
		const at = this.children.indexOf(component);
		if (at >= 0) this.children.splice(at, 1);
		component.unload();
		return component;
	}

	register(cb: () => unknown): void {
		this.cleanups.push(cb);
	}

	registerEvent(ref: EventRef): void {
		this.register(() => ref.e.offref(ref));
	}

	registerDomEvent(el: EventTarget, type: string, callback: (evt: never) => unknown, options?: boolean | AddEventListenerOptions): void {
		const listener = callback as unknown as EventListener;
		el.addEventListener(type, listener, options);
		this.register(() => el.removeEventListener(type, listener, options));
	}

	registerInterval(id: number): number {
		this.register(() => window.clearInterval(id));
		return id;
	}
}

/* ----------------------------------------------------------------------------------------------- helpers */

export function normalizePath(path: string): string {
	const cleaned = path
		.replace(/\u00a0|\u202f/g, " ")
		.replace(/[\\/]+/g, "/")
		.replace(/^\/+|\/+$/g, "")
		.normalize("NFC");
	return cleaned === "" ? "/" : cleaned;
}

export interface Debouncer<T extends unknown[], V> {
	(...args: T): void;
	cancel(): Debouncer<T, V>;
	run(): V | void;
}

export function debounce<T extends unknown[], V>(cb: (...args: T) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let lastArgs: T | null = null;
	const fire = (): V | void => {
		timer = null;
		if (lastArgs === null) return;
		const args = lastArgs;
		lastArgs = null;
		return cb(...args);
	};
	const debounced = ((...args: T) => {
		lastArgs = args;
		if (timer !== null && !resetTimer) return;
		if (timer !== null) clearTimeout(timer);
		timer = setTimeout(fire, timeout);
	}) as Debouncer<T, V>;
	debounced.cancel = () => {
		if (timer !== null) clearTimeout(timer);
		timer = null;
		lastArgs = null;
		return debounced;
	};
	debounced.run = () => {
		if (timer !== null) clearTimeout(timer);
		return fire();
	};
	return debounced;
}

export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.empty();
	const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
	svg.setAttribute("class", `svg-icon lucide-${iconId}`);
	parent.appendChild(svg);
	parent.setAttribute("data-icon", iconId);
}

/* ----------------------------------------------------------------------------------------------- version */

/** The running Obsidian's version. Tests set it with `setApiVersion` to stand in for an older Obsidian. */
export let apiVersion = "1.13.1";

/** Test hook (not Obsidian API): the version `apiVersion` and `requireApiVersion` report. */
export function setApiVersion(version: string): void {
	apiVersion = version;
}

/** Whether the running Obsidian is at least `version` (dotted numbers). */
export function requireApiVersion(version: string): boolean {
	const have = apiVersion.split(".").map(Number);
	const want = version.split(".").map(Number);
	for (let i = 0; i < Math.max(have.length, want.length); i++) {
		const a = have[i] ?? 0;
		const b = want[i] ?? 0;
		if (a !== b) return a > b;
	}
	return true;
}

export const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
	isSafari: false,
};

export class Keymap {
	static isModEvent(evt?: { ctrlKey?: boolean; metaKey?: boolean } | null): "tab" | boolean {
		return evt?.ctrlKey === true || evt?.metaKey === true ? "tab" : false;
	}
}

export class Notice {
	static shown: string[] = [];
	noticeEl: HTMLElement;
	constructor(message: string | DocumentFragment, _duration?: number) {
		Notice.shown.push(typeof message === "string" ? message : (message.textContent ?? ""));
		this.noticeEl = document.createElement("div");
	}
	setMessage(message: string): this {
		Notice.shown.push(message);
		return this;
	}
	hide(): void {}
}

/* ----------------------------------------------------------------------------------------------- files */

export abstract class TAbstractFile {
	parent: TFolder | null = null;
	constructor(
		public vault: Vault,
		public path: string,
	) {}
	get name(): string {
		return this.path.slice(this.path.lastIndexOf("/") + 1);
	}
}

export class TFile extends TAbstractFile {
	stat = { ctime: Date.now(), mtime: Date.now(), size: 0 };
	get extension(): string {
		const dot = this.name.lastIndexOf(".");
		return dot > 0 ? this.name.slice(dot + 1) : "";
	}
	get basename(): string {
		const dot = this.name.lastIndexOf(".");
		return dot > 0 ? this.name.slice(0, dot) : this.name;
	}
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];
	isRoot(): boolean {
		return this.path === "/";
	}
}

function parentPath(path: string): string {
	const at = path.lastIndexOf("/");
	return at < 0 ? "/" : path.slice(0, at);
}

export class Vault extends Events {
	private readonly files = new Map<string, TAbstractFile>();
	private readonly contents = new Map<string, string>();
	/** Test hook: cachedRead rejects for these paths. */
	readonly failingReads = new Set<string>();
	readonly root: TFolder;

	constructor() {
		super();
		this.root = new TFolder(this, "/");
		this.files.set("/", this.root);
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.files.get(path === "" ? "/" : path) ?? null;
	}

	getFileByPath(path: string): TFile | null {
		const file = this.files.get(path);
		return file instanceof TFile ? file : null;
	}

	getFolderByPath(path: string): TFolder | null {
		const file = this.files.get(path);
		return file instanceof TFolder ? file : null;
	}

	getRoot(): TFolder {
		return this.root;
	}

	getAllLoadedFiles(): TAbstractFile[] {
		return [...this.files.values()];
	}

	getFiles(): TFile[] {
		return [...this.files.values()].filter((f): f is TFile => f instanceof TFile);
	}

	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((f) => f.extension === "md");
	}

	async cachedRead(file: TFile): Promise<string> {
		return this.read(file);
	}

	async read(file: TFile): Promise<string> {
		await Promise.resolve();
		if (this.failingReads.has(file.path)) throw new Error(`EIO: cannot read ${file.path}`);
		const text = this.contents.get(file.path);
		if (text === undefined) throw new Error(`ENOENT: ${file.path}`);
		return text;
	}

	private ensureFolder(path: string, fire: boolean): TFolder {
		if (path === "/" || path === "") return this.root;
		const existing = this.files.get(path);
		if (existing instanceof TFolder) return existing;
		if (existing) throw new Error(`Not a folder: ${path}`);
		const parent = this.ensureFolder(parentPath(path), fire);
		const folder = new TFolder(this, path);
		folder.parent = parent;
		parent.children.push(folder);
		this.files.set(path, folder);
		if (fire) this.trigger("create", folder);
		return folder;
	}

	/** Test helper: put a file in place (and fire `create`, as Obsidian does for every file while loading). */
	seed(path: string, text: string): TFile {
		const file = new TFile(this, path);
		const parent = this.ensureFolder(parentPath(path), true);
		file.parent = parent;
		parent.children.push(file);
		this.files.set(path, file);
		this.contents.set(path, text);
		this.trigger("create", file);
		return file;
	}

	async create(path: string, data: string): Promise<TFile> {
		if (this.files.has(path)) throw new Error("File already exists.");
		if (!(this.files.get(parentPath(path)) instanceof TFolder)) throw new Error(`Folder does not exist: ${parentPath(path)}`);
		return this.seed(path, data);
	}

	async createFolder(path: string): Promise<TFolder> {
		if (this.files.has(path)) throw new Error("Folder already exists.");
		return this.ensureFolder(path, true);
	}

	async modify(file: TFile, data: string): Promise<void> {
		this.contents.set(file.path, data);
		file.stat.mtime = Date.now();
		this.trigger("modify", file);
	}

	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const data = fn(this.contents.get(file.path) ?? "");
		await this.modify(file, data);
		return data;
	}

	async delete(file: TAbstractFile): Promise<void> {
		if (file instanceof TFolder) for (const child of [...file.children]) await this.delete(child);
		this.files.delete(file.path);
		this.contents.delete(file.path);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		this.trigger("delete", file);
	}

	async trash(file: TAbstractFile): Promise<void> {
		await this.delete(file);
	}

	/** Like Obsidian: a folder rename fires `rename` for the folder and then for every file and folder inside. */
	async rename(file: TAbstractFile, newPath: string): Promise<void> {
		if (this.files.has(newPath)) throw new Error("Destination file already exists!");
		const oldPath = file.path;
		const moved: [TAbstractFile, string][] = [];
		const move = (f: TAbstractFile, to: string): void => {
			const from = f.path;
			this.files.delete(from);
			const text = this.contents.get(from);
			this.contents.delete(from);
			f.path = to;
			this.files.set(to, f);
			if (text !== undefined) this.contents.set(to, text);
			moved.push([f, from]);
			if (f instanceof TFolder) for (const child of f.children) move(child, to + child.path.slice(from.length));
		};
		const parent = this.ensureFolder(parentPath(newPath), true);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		file.parent = parent;
		parent.children.push(file);
		move(file, newPath);
		void oldPath;
		for (const [f, from] of moved) this.trigger("rename", f, from);
	}
}

/* ----------------------------------------------------------------------------------------------- views */

export interface ViewState {
	type: string;
	active?: boolean;
	state?: Record<string, unknown>;
}

export abstract class View extends Component {
	app: App;
	icon = "";
	navigation = false;
	containerEl: HTMLElement;
	constructor(public leaf: WorkspaceLeaf) {
		super();
		this.app = leaf.app;
		this.containerEl = document.createElement("div");
		this.containerEl.classList.add("view-container");
	}
	abstract getViewType(): string;
	abstract getDisplayText(): string;
	getIcon(): string {
		return this.icon;
	}
	async onOpen(): Promise<void> {}
	async onClose(): Promise<void> {}
	onResize(): void {}
	getState(): Record<string, unknown> {
		return {};
	}
}

export abstract class ItemView extends View {
	contentEl: HTMLElement;
	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.containerEl.createDiv({ cls: "view-header" });
		this.contentEl = this.containerEl.createDiv({ cls: "view-content" });
	}
}

/** The stand-in for a markdown editor: a view that shows a file. */
export class FileView extends ItemView {
	file: TFile | null = null;
	getViewType(): string {
		return "markdown";
	}
	getDisplayText(): string {
		return this.file?.basename ?? "";
	}
}

export class MarkdownView extends FileView {}

export class WorkspaceLeaf {
	view: View | null = null;
	readonly containerEl: HTMLElement;
	constructor(
		public app: App,
		parentEl: HTMLElement,
	) {
		this.containerEl = parentEl.createDiv({ cls: "workspace-leaf" });
	}

	async setViewState(state: ViewState): Promise<void> {
		const creator = this.app.workspace.viewCreators.get(state.type);
		if (!creator) throw new Error(`No view registered for ${state.type}`);
		await this.closeView();
		const view = creator(this);
		this.view = view;
		this.containerEl.appendChild(view.containerEl);
		view.load();
		await view.onOpen();
		if (state.active === true) this.app.workspace.setActiveLeaf(this);
	}

	getViewState(): ViewState {
		return { type: this.view?.getViewType() ?? "empty" };
	}

	/** The open state of the last openFile call (Obsidian scrolls to `eState.line`). */
	lastOpenState: unknown = undefined;

	async openFile(file: TFile, state?: unknown): Promise<void> {
		this.lastOpenState = state;
		if (!(this.view instanceof FileView)) {
			await this.closeView();
			const view = new MarkdownView(this);
			this.view = view;
			this.containerEl.appendChild(view.containerEl);
			view.load();
		}
		(this.view as FileView).file = file;
		this.app.workspace.openedFiles.push(file.path);
		this.app.workspace.setActiveLeaf(this);
		this.app.workspace.trigger("file-open", file);
	}

	async closeView(): Promise<void> {
		const view = this.view;
		if (!view) return;
		this.view = null;
		await view.onClose();
		view.unload();
		view.containerEl.remove();
	}

	detach(): void {
		void this.closeView();
		this.containerEl.remove();
		this.app.workspace.removeLeaf(this);
	}
}

export class Workspace extends Events {
	layoutReady = false;
	readonly viewCreators = new Map<string, (leaf: WorkspaceLeaf) => View>();
	readonly hoverLinkSources = new Map<string, { display: string; defaultMod: boolean }>();
	readonly openedFiles: string[] = [];
	readonly rootEl: HTMLElement;
	readonly rightEl: HTMLElement;
	activeLeaf: WorkspaceLeaf | null = null;
	private leaves: WorkspaceLeaf[] = [];
	private readyCallbacks: (() => unknown)[] = [];

	constructor(public app: App) {
		super();
		this.rootEl = document.body.createDiv({ cls: "workspace-split mod-root" });
		this.rightEl = document.body.createDiv({ cls: "workspace-split mod-right-split" });
	}

	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) callback();
		else this.readyCallbacks.push(callback);
	}

	/** Test helper: Obsidian finished loading the layout. */
	setLayoutReady(): void {
		this.layoutReady = true;
		const callbacks = this.readyCallbacks;
		this.readyCallbacks = [];
		for (const cb of callbacks) cb();
		this.trigger("layout-ready");
	}

	getActiveFile(): TFile | null {
		const view = this.activeLeaf?.view;
		if (view instanceof FileView) return view.file;
		// Like Obsidian: a sidebar view taking focus keeps the last file.
		const main = this.leaves.find((l) => l.view instanceof FileView && l.containerEl.parentElement === this.rootEl);
		return main && main.view instanceof FileView ? main.view.file : null;
	}

	getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
		const view = this.activeLeaf?.view;
		return view instanceof type ? view : null;
	}

	setActiveLeaf(leaf: WorkspaceLeaf): void {
		this.activeLeaf = leaf;
		this.trigger("active-leaf-change", leaf);
	}

	getLeaf(newLeaf?: boolean | string): WorkspaceLeaf {
		if (!newLeaf) {
			const existing = this.leaves.find((l) => l.containerEl.parentElement === this.rootEl);
			if (existing) return existing;
		}
		const leaf = new WorkspaceLeaf(this.app, this.rootEl);
		this.leaves.push(leaf);
		return leaf;
	}

	getRightLeaf(_split: boolean): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app, this.rightEl);
		this.leaves.push(leaf);
		return leaf;
	}

	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.view?.getViewType() === type);
	}

	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		leaf.containerEl.style.display = "";
		this.rightEl.style.display = "";
	}

	removeLeaf(leaf: WorkspaceLeaf): void {
		this.leaves = this.leaves.filter((l) => l !== leaf);
		if (this.activeLeaf === leaf) this.activeLeaf = null;
	}

	/** Test helper: close every file (as when the last tab closes). */
	closeAllFiles(): void {
		for (const leaf of this.leaves.filter((l) => l.view instanceof FileView)) leaf.detach();
		this.activeLeaf = null;
		this.trigger("file-open", null);
		this.trigger("active-leaf-change", null);
	}

	async openLinkText(linktext: string, _sourcePath: string, newLeaf?: boolean | string): Promise<void> {
		const file = this.app.vault.getFileByPath(linktext) ?? this.app.vault.getFileByPath(`${linktext}.md`);
		if (file) await this.getLeaf(newLeaf).openFile(file);
	}
}

export class MetadataCache extends Events {
	constructor(private readonly vault: Vault) {
		super();
	}
	getFirstLinkpathDest(linkpath: string, _sourcePath: string): TFile | null {
		const wanted = linkpath.toLowerCase();
		return (
			this.vault.getFiles().find((f) => f.path.toLowerCase() === wanted || f.path.toLowerCase() === `${wanted}.md` || f.basename.toLowerCase() === wanted) ?? null
		);
	}
	getFileCache(_file: TFile): null {
		return null;
	}
}

export class FileManager {
	constructor(private readonly vault: Vault) {}
	async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
		await this.vault.rename(file, newPath);
	}
	async trashFile(file: TAbstractFile): Promise<void> {
		await this.vault.delete(file);
	}
}

export class App {
	vault: Vault;
	workspace: Workspace;
	metadataCache: MetadataCache;
	fileManager: FileManager;
	statusBarEl: HTMLElement;
	ribbonEl: HTMLElement;
	/** Not public API in Obsidian; the plugin looks it up defensively. */
	searches: string[] = [];
	internalPlugins = {
		getPluginById: (id: string) =>
			id === "global-search" ? { instance: { openGlobalSearch: (query: string) => this.searches.push(query) } } : null,
	};
	constructor() {
		this.vault = new Vault();
		this.workspace = new Workspace(this);
		this.metadataCache = new MetadataCache(this.vault);
		this.fileManager = new FileManager(this.vault);
		this.statusBarEl = document.body.createDiv({ cls: "status-bar" });
		this.ribbonEl = document.body.createDiv({ cls: "side-dock-ribbon" });
	}
}

/* ----------------------------------------------------------------------------------------------- plugin */

export interface PluginManifest {
	id: string;
	name: string;
	version: string;
	minAppVersion?: string;
	description?: string;
	author?: string;
	isDesktopOnly?: boolean;
	dir?: string;
}

export interface Command {
	id: string;
	name: string;
	icon?: string;
	hotkeys?: unknown[];
	callback?: () => unknown;
	checkCallback?: (checking: boolean) => boolean | void;
}

export class Plugin extends Component {
	readonly commands: Command[] = [];
	readonly settingTabs: PluginSettingTab[] = [];
	data: unknown = null;
	/** Declared by Obsidian 1.13 (the default getControlValue / setControlValue use it). */
	settings?: unknown;
	constructor(
		public app: App,
		public manifest: PluginManifest,
	) {
		super();
	}

	addCommand(command: Command): Command {
		this.commands.push(command);
		return command;
	}

	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = this.app.ribbonEl.createDiv({ cls: "side-dock-ribbon-action", attr: { "aria-label": title, "data-icon": icon } });
		el.addEventListener("click", callback as EventListener);
		this.register(() => el.remove());
		return el;
	}

	addStatusBarItem(): HTMLElement {
		const el = this.app.statusBarEl.createDiv({ cls: "status-bar-item" });
		this.register(() => el.remove());
		return el;
	}

	addSettingTab(tab: PluginSettingTab): void {
		this.settingTabs.push(tab);
		// Obsidian 1.13+ reads the tab's definitions once here, for its settings search.
		if (requireApiVersion("1.13.0")) tab.update();
	}

	registerView(type: string, creator: (leaf: WorkspaceLeaf) => View): void {
		const workspace = this.app.workspace;
		workspace.viewCreators.set(type, creator);
		// Like Obsidian: unloading the plugin closes its views (the leaves stay, for the layout to restore).
		this.register(() => {
			workspace.viewCreators.delete(type);
			for (const leaf of workspace.getLeavesOfType(type)) void leaf.closeView();
		});
	}

	registerHoverLinkSource(id: string, info: { display: string; defaultMod: boolean }): void {
		this.app.workspace.hoverLinkSources.set(id, info);
		this.register(() => this.app.workspace.hoverLinkSources.delete(id));
	}

	async loadData(): Promise<unknown> {
		return this.data === null ? null : (JSON.parse(JSON.stringify(this.data)) as unknown);
	}

	async saveData(data: unknown): Promise<void> {
		this.data = JSON.parse(JSON.stringify(data)) as unknown;
	}
}

/* ----------------------------------------------------------------------------------------------- modal, settings */

export class Modal {
	static open: Modal[] = [];
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	constructor(public app: App) {
		this.containerEl = document.createElement("div");
		this.containerEl.classList.add("modal-container");
		this.modalEl = this.containerEl.createDiv({ cls: "modal" });
		this.titleEl = this.modalEl.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
	}
	open(): void {
		Modal.open.push(this);
		document.body.appendChild(this.containerEl);
		this.onOpen();
	}
	close(): void {
		Modal.open = Modal.open.filter((m) => m !== this);
		this.containerEl.remove();
		this.onClose();
	}
	onOpen(): void {}
	onClose(): void {}
}

export abstract class PluginSettingTab {
	containerEl: HTMLElement;
	/** 1.13+: what getSettingDefinitions() returned at the last update(). */
	settingItems: SettingDefinitionItem[] = [];
	constructor(
		public app: App,
		public plugin: Plugin,
	) {
		this.containerEl = document.createElement("div");
	}
	/** Before 1.13 Obsidian calls this to draw the tab; 1.13+ calls it only when there are no definitions. */
	abstract display(): void;
	hide(): void {
		this.containerEl.empty();
	}
	/** 1.13+: the settings to render and index for search; none by default. */
	getSettingDefinitions(): SettingDefinitionItem[] {
		return [];
	}
	/** 1.13+: stores getSettingDefinitions() for rendering and search. */
	update(): void {
		this.settingItems = this.getSettingDefinitions();
	}
	/** 1.13+: by default reads `plugin.settings[key]`. */
	getControlValue(key: string): unknown {
		const settings = this.plugin.settings as Record<string, unknown> | undefined;
		return settings?.[key];
	}
	/** 1.13+: by default writes `plugin.settings[key]` and saves the plugin's data. */
	async setControlValue(key: string, value: unknown): Promise<void> {
		const settings = (this.plugin.settings ??= {}) as Record<string, unknown>;
		settings[key] = value;
		await this.plugin.saveData(settings);
	}
}

/** Suggestions under a text field: shown on input in a `.suggestion-container`, picked by a click. */
export abstract class AbstractInputSuggest<T> {
	/** The list currently shown, if any (tests read it). */
	static openEl: HTMLElement | null = null;
	private containerEl: HTMLElement | null = null;
	constructor(
		protected app: App,
		private readonly textInputEl: HTMLInputElement,
	) {
		textInputEl.addEventListener("input", () => void this.show());
	}
	protected abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void;
	private async show(): Promise<void> {
		const items = await this.getSuggestions(this.textInputEl.value);
		this.close();
		const container = document.body.createDiv({ cls: "suggestion-container" });
		for (const item of items) {
			const el = container.createDiv({ cls: "suggestion-item" });
			this.renderSuggestion(item, el);
			el.addEventListener("click", (evt) => this.selectSuggestion(item, evt));
		}
		this.containerEl = container;
		AbstractInputSuggest.openEl = container;
	}
	close(): void {
		this.containerEl?.remove();
		if (AbstractInputSuggest.openEl === this.containerEl) AbstractInputSuggest.openEl = null;
		this.containerEl = null;
	}
}

export class TextComponent {
	inputEl: HTMLInputElement;
	constructor(containerEl: HTMLElement) {
		this.inputEl = containerEl.createEl("input", { type: "text" }) as HTMLInputElement;
	}
	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}
	getValue(): string {
		return this.inputEl.value;
	}
	setPlaceholder(text: string): this {
		this.inputEl.placeholder = text;
		return this;
	}
	onChange(callback: (value: string) => unknown): this {
		this.inputEl.addEventListener("input", () => void callback(this.inputEl.value));
		return this;
	}
}

export class ToggleComponent {
	toggleEl: HTMLInputElement;
	constructor(containerEl: HTMLElement) {
		this.toggleEl = containerEl.createEl("input", { type: "checkbox" }) as HTMLInputElement;
	}
	setValue(on: boolean): this {
		this.toggleEl.checked = on;
		return this;
	}
	getValue(): boolean {
		return this.toggleEl.checked;
	}
	onChange(callback: (value: boolean) => unknown): this {
		this.toggleEl.addEventListener("change", () => void callback(this.toggleEl.checked));
		return this;
	}
}

export class DropdownComponent {
	selectEl: HTMLSelectElement;
	constructor(containerEl: HTMLElement) {
		this.selectEl = containerEl.createEl("select") as HTMLSelectElement;
	}
	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { value, text: display });
		return this;
	}
	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}
	getValue(): string {
		return this.selectEl.value;
	}
	onChange(callback: (value: string) => unknown): this {
		this.selectEl.addEventListener("change", () => void callback(this.selectEl.value));
		return this;
	}
}

export class Setting {
	settingEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		const info = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = info.createDiv({ cls: "setting-item-name" });
		this.descEl = info.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
	}
	setName(name: string): this {
		this.nameEl.setText(name);
		return this;
	}
	setDesc(desc: string): this {
		this.descEl.setText(desc);
		return this;
	}
	setHeading(): this {
		this.settingEl.classList.add("setting-item-heading");
		return this;
	}
	addText(cb: (component: TextComponent) => unknown): this {
		cb(new TextComponent(this.controlEl));
		return this;
	}
	addToggle(cb: (component: ToggleComponent) => unknown): this {
		cb(new ToggleComponent(this.controlEl));
		return this;
	}
	addDropdown(cb: (component: DropdownComponent) => unknown): this {
		cb(new DropdownComponent(this.controlEl));
		return this;
	}
}

/* ------------------------------------------------------------------------------- declarative settings (1.13) */
// The shapes of Obsidian 1.13's setting definitions, and a stand-in for the settings modal that renders them.

export interface SettingControlBase<V, K extends string = string> {
	key: K;
	defaultValue?: V;
	validate?: (value: V) => string | void | Promise<string | void>;
	disabled?: boolean | (() => boolean);
}
export interface SettingToggleControl<K extends string = string> extends SettingControlBase<boolean, K> {
	type: "toggle";
}
export interface SettingDropdownControl<K extends string = string> extends SettingControlBase<string, K> {
	type: "dropdown";
	options: Record<string, string>;
}
export interface SettingTextControl<K extends string = string> extends SettingControlBase<string, K> {
	type: "text";
	placeholder?: string;
}
export interface SettingTextAreaControl<K extends string = string> extends SettingControlBase<string, K> {
	type: "textarea";
	placeholder?: string;
	rows?: number;
}
export interface SettingNumberControl<K extends string = string> extends SettingControlBase<number, K> {
	type: "number";
	placeholder?: string;
	min?: number;
	max?: number;
	step?: number | "any";
}
export interface SettingFileControl<K extends string = string> extends SettingControlBase<string, K> {
	type: "file";
	placeholder?: string;
	filter?: (file: TFile) => boolean;
}
export interface SettingFolderControl<K extends string = string> extends SettingControlBase<string, K> {
	type: "folder";
	placeholder?: string;
	filter?: (folder: TFolder) => boolean;
	includeRoot?: boolean;
}
export interface SettingSliderControl<K extends string = string> extends SettingControlBase<number, K> {
	type: "slider";
	min: number;
	max: number;
	step: number;
}
export interface SettingColorControl<K extends string = string> extends SettingControlBase<string, K> {
	type: "color";
}
export type SettingControl<K extends string = string> =
	| SettingToggleControl<K>
	| SettingDropdownControl<K>
	| SettingTextControl<K>
	| SettingTextAreaControl<K>
	| SettingNumberControl<K>
	| SettingFileControl<K>
	| SettingFolderControl<K>
	| SettingSliderControl<K>
	| SettingColorControl<K>;

export interface SettingDefinitionBase {
	name: string;
	desc?: string | DocumentFragment;
	aliases?: string[];
	searchable?: boolean | (() => boolean);
	visible?: boolean | (() => boolean);
}
export interface SettingDefinitionControl<K extends string = string> extends SettingDefinitionBase {
	control: SettingControl<K>;
	action?: never;
	render?: never;
}
export interface SettingDefinitionRender extends SettingDefinitionBase {
	control?: never;
	action?: never;
	render: (setting: Setting, group: unknown) => void | (() => void);
}
export interface SettingDefinitionAction extends SettingDefinitionBase {
	action: (el: HTMLElement, index: number) => void;
	disabled?: boolean | (() => boolean);
	control?: never;
	render?: never;
}
export interface SettingDefinitionEmpty extends SettingDefinitionBase {
	control?: never;
	action?: never;
	render?: never;
}
export type SettingDefinition<K extends string = string> =
	| SettingDefinitionControl<K>
	| SettingDefinitionRender
	| SettingDefinitionAction
	| SettingDefinitionEmpty;
export interface SettingDefinitionPage<K extends string = string> {
	type: "page";
	name: string;
	desc?: string | DocumentFragment;
	items?: SettingDefinitionItem<K>[];
	visible?: boolean | (() => boolean);
}
export type SettingGroupItem<K extends string = string> = SettingDefinition<K> | SettingDefinitionPage<K>;
export interface SettingDefinitionGroup<K extends string = string> {
	type: "group" | "list";
	heading?: string;
	cls?: string;
	items?: SettingGroupItem<K>[];
	visible?: boolean | (() => boolean);
}
export type SettingDefinitionItem<K extends string = string> = SettingDefinition<K> | SettingDefinitionGroup<K> | SettingDefinitionPage<K>;

function isOn(flag: boolean | (() => boolean) | undefined, fallback: boolean): boolean {
	return flag === undefined ? fallback : typeof flag === "function" ? flag() : flag;
}

/** Stand-in for the folder suggester Obsidian 1.13 puts under a `folder` control (its real matching may differ). */
class DeclaredFolderSuggest extends AbstractInputSuggest<TFolder> {
	constructor(
		app: App,
		private readonly inputEl: HTMLInputElement,
		private readonly control: SettingFolderControl,
		private readonly pick: (path: string) => void,
	) {
		super(app, inputEl);
	}
	protected getSuggestions(query: string): TFolder[] {
		const wanted = query.toLowerCase();
		return this.app.vault
			.getAllLoadedFiles()
			.filter((f): f is TFolder => f instanceof TFolder)
			.filter((f) => (this.control.includeRoot === true || !f.isRoot()) && (this.control.filter?.(f) ?? true))
			.filter((f) => f.path.toLowerCase().includes(wanted))
			.sort((a, b) => a.path.localeCompare(b.path));
	}
	renderSuggestion(folder: TFolder, el: HTMLElement): void {
		el.setText(folder.path);
	}
	selectSuggestion(folder: TFolder): void {
		this.inputEl.value = folder.path;
		this.pick(folder.path);
		this.close();
	}
}

/** One declared control, drawn and bound through the tab's getControlValue / setControlValue, as 1.13 does. */
function renderControl(tab: PluginSettingTab, setting: Setting, control: SettingControl): void {
	const stored = tab.getControlValue(control.key);
	const current = stored === undefined || stored === null ? control.defaultValue : stored;
	const commit = async (value: unknown): Promise<void> => {
		const error = await (control.validate as ((v: unknown) => string | void | Promise<string | void>) | undefined)?.(value);
		setting.settingEl.toggleClass("is-invalid", typeof error === "string" && error !== "");
		if (typeof error === "string" && error !== "") return;
		await tab.setControlValue(control.key, value);
	};
	switch (control.type) {
		case "text":
		case "folder":
			setting.addText((text) => {
				text.setPlaceholder(control.placeholder ?? "").setValue(typeof current === "string" ? current : "");
				text.onChange((value) => commit(value));
				if (control.type === "folder") new DeclaredFolderSuggest(tab.app, text.inputEl, control, (path) => void commit(path));
			});
			return;
		case "dropdown":
			setting.addDropdown((dropdown) => {
				for (const [value, label] of Object.entries(control.options)) dropdown.addOption(value, label);
				dropdown.setValue(typeof current === "string" ? current : "").onChange((value) => commit(value));
			});
			return;
		case "toggle":
			setting.addToggle((toggle) => toggle.setValue(current === true).onChange((value) => commit(value)));
			return;
		default:
			throw new Error(`stub: a '${control.type}' control is not modelled`);
	}
}

function renderItem(tab: PluginSettingTab, el: HTMLElement, item: SettingDefinitionItem): void {
	if (!isOn(item.visible, true)) return;
	if ("type" in item && (item.type === "group" || item.type === "list")) {
		const groupEl = el.createDiv({ cls: "setting-group" });
		if (item.heading !== undefined) new Setting(groupEl).setName(item.heading).setHeading();
		for (const child of item.items ?? []) renderItem(tab, groupEl, child);
		return;
	}
	if ("type" in item) throw new Error("stub: setting pages are not modelled");
	const setting = new Setting(el).setName(item.name);
	if (item.desc !== undefined) setting.setDesc(typeof item.desc === "string" ? item.desc : (item.desc.textContent ?? ""));
	if (item.control !== undefined) renderControl(tab, setting, item.control);
	else if (item.render !== undefined) item.render(setting, null);
}

/**
 * Test helper standing in for the settings modal opening a tab: Obsidian 1.13+ renders the tab's definitions
 * when it has any (and then never calls display()); older Obsidian calls display().
 */
export function openSettingTab(tab: PluginSettingTab): void {
	if (requireApiVersion("1.13.0")) {
		tab.update();
		if (tab.settingItems.length > 0) {
			tab.containerEl.empty();
			for (const item of tab.settingItems) renderItem(tab, tab.containerEl, item);
			return;
		}
	}
	tab.display();
}

/**
 * Test helper standing in for Obsidian 1.13's settings search: the names of the indexed definitions (what
 * addSettingTab / update() stored) whose name, description or aliases contain the query. Empty before 1.13.
 */
export function searchSettings(tabs: readonly PluginSettingTab[], query: string): string[] {
	if (!requireApiVersion("1.13.0")) return [];
	const wanted = query.toLowerCase();
	const found: string[] = [];
	const visit = (item: SettingDefinitionItem): void => {
		if (!isOn(item.visible, true)) return;
		if ("type" in item) {
			if (item.type === "page" && item.name.toLowerCase().includes(wanted)) found.push(item.name);
			for (const child of item.items ?? []) visit(child);
			return;
		}
		if (!isOn(item.searchable, true)) return;
		const desc = typeof item.desc === "string" ? item.desc : (item.desc?.textContent ?? "");
		if ([item.name, desc, ...(item.aliases ?? [])].some((text) => text.toLowerCase().includes(wanted))) found.push(item.name);
	};
	for (const tab of tabs) for (const item of tab.settingItems) visit(item);
	return found;
}
