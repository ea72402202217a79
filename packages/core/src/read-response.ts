// A Response whose (small JSON) body is already in memory: the transport reads every body itself,
// inside the timeout, so a stalled or cut-off body fails as a typed error, and hands the by-path
// client this. `json()` and `text()` (all that client uses) answer from memory, `json()` reusing
// the transport's own parse; a real Response, with its stream, is only made if someone asks for
// `body`, `arrayBuffer()`, `blob()`, `formData()` or `clone()`. Web-safe: both transports use it.

const NULL_BODY_STATUSES = [101, 204, 205, 304];
const UNPARSED = Symbol();

export class ReadResponse extends Response {
  #text: string;
  #bytes: Uint8Array | undefined;
  #parsed: unknown = UNPARSED;
  #used = false;
  #real: Response | undefined;

  /** `bytes`: the raw body when the text was decoded from it (kept for arrayBuffer/blob). */
  constructor(text: string, init: ResponseInit & { url: string }, bytes?: Uint8Array) {
    super(null, init);
    this.#text = text;
    this.#bytes = bytes;
    Object.defineProperty(this, 'url', { value: init.url });
  }

  /** The body text, without consuming it. */
  get bodyText(): string {
    return this.#text;
  }

  /** The body parsed as JSON, once (throws a SyntaxError when it is not JSON). */
  parsed(): unknown {
    if (this.#parsed === UNPARSED) this.#parsed = JSON.parse(this.#text);
    return this.#parsed;
  }

  #take<T>(value: () => T): Promise<T> {
    if (this.#used)
      return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    // A null body (204, 205, 304) is never used up, as on any Response: it reads as '' every time.
    this.#used = !NULL_BODY_STATUSES.includes(this.status);
    try {
      return Promise.resolve(value());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #stream(): Response {
    if (this.#real) return this.#real;
    const real = new Response(
      NULL_BODY_STATUSES.includes(this.status)
        ? null
        : ((this.#bytes ?? new TextEncoder().encode(this.#text)) as BodyInit),
      { status: this.status, statusText: this.statusText, headers: this.headers },
    );
    // Already read through text() or json(): the real body is spent too, so reading it again
    // fails (and clone() throws) as on any Response.
    if (this.#used) void real.arrayBuffer();
    return (this.#real = real);
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#real?.bodyUsed ?? false);
  }
  override get body(): Response['body'] {
    return this.#stream().body;
  }
  override text(): Promise<string> {
    return this.#real ? this.#real.text() : this.#take(() => this.#text);
  }
  override json(): Promise<any> {
    return this.#real ? this.#real.json() : this.#take(() => this.parsed());
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#stream().arrayBuffer();
  }
  override blob(): Promise<Blob> {
    return this.#stream().blob();
  }
  override formData(): Promise<FormData> {
    return this.#stream().formData();
  }
  override clone(): Response {
    return this.#stream().clone();
  }
}
