// A Response whose (small JSON) body is already in memory. Building a body stream and reading it
// back through web streams costs more than the request itself, so `json()` and `text()` (all
// that openapi-fetch uses) decode the buffer directly; a real Response, with its stream, is only
// made if someone asks for `body`, `arrayBuffer()`, `blob()`, `formData()` or `clone()`.

const NULL_BODY_STATUSES = [101, 204, 205, 304];

export class BufferedResponse extends Response {
  #buffer: Buffer;
  #used = false;
  #real: Response | undefined;

  constructor(buffer: Buffer, init: ResponseInit & { url: string }) {
    super(null, init);
    this.#buffer = buffer;
    Object.defineProperty(this, 'url', { value: init.url });
  }

  #take(): Promise<string> {
    if (this.#used)
      return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    this.#used = true;
    return Promise.resolve(this.#buffer.toString('utf8'));
  }

  #stream(): Response {
    const body: Uint8Array<ArrayBuffer> | null =
      this.#used || NULL_BODY_STATUSES.includes(this.status)
        ? null
        : new Uint8Array(
            this.#buffer.buffer as ArrayBuffer,
            this.#buffer.byteOffset,
            this.#buffer.byteLength,
          );
    return (this.#real ??= new Response(body, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    }));
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#real?.bodyUsed ?? false);
  }
  override get body(): Response['body'] {
    return this.#stream().body;
  }
  override text(): Promise<string> {
    return this.#real ? this.#real.text() : this.#take();
  }
  override json(): Promise<any> {
    return this.#real ? this.#real.json() : this.#take().then(JSON.parse);
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
