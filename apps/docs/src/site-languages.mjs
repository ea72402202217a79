// The languages of the site: English at the root, each translation in a folder of its own
// (`zh-CN/`), built from the spec's bundle of that language. Page names and Redoc's operation
// anchors are the same in every language, so a reader can switch without losing their place.
// Redoc's own interface labels (Request, Responses, Copy, …) come from templates/redoc.<code>.yaml
// in a translated language (src/redoc-labels.mjs).

export const siteLanguages = [
  {
    code: 'en',
    /** Folder of the language's pages, relative to the site root ('' for the root). */
    folder: '',
    /** The spec bundle's language suffix (`hss.yaml` / `hss.zh-CN.yaml`). */
    bundleSuffix: '',
    name: 'English',
    text: {
      backLink: '← All hwsec APIs',
      operationId: 'Operation ID',
      client: 'Client',
      from: 'from',
      referenceTitle: (service) => `${service.name} API reference · hwsec`,
      reference: 'reference',
      operations: (count) => `${count} operation${count === 1 ? '' : 's'}`,
      spec: 'spec',
      download: 'OpenAPI (YAML)',
      switchTo: 'Read this page in English',
      controlTitle: 'Mock control API reference · hwsec',
      controlNote: '',
      // The comments of the code samples.
      sampleCredentials: {
        project: 'AK/SK and project',
        account: 'AK/SK and the account id (optional, signed as X-Domain-Id)',
        plain: 'AK/SK',
      },
      sampleSettings: (credentials, variables, mockSetting) =>
        `${credentials} from ${variables} (as in Huawei's SDKs); ${mockSetting} sends it to the mock.`,
      curlTokenNote: '(IAM token; for AK/SK signing use the TypeScript client)',
      mockSampleLabel: 'local mock',
      mockSampleNote: (command) =>
        `Runs as shown against the local mock (${command}), which takes any X-Auth-Token.`,
    },
  },
  {
    code: 'zh-CN',
    folder: 'zh-CN/',
    bundleSuffix: '.zh-CN',
    name: '简体中文',
    text: {
      backLink: '← 所有 hwsec API',
      operationId: '操作ID',
      client: '客户端',
      from: '来自',
      referenceTitle: (service) => `${service.name} API 参考 · hwsec`,
      reference: 'API 参考',
      operations: (count) => `${count} 个操作`,
      spec: '规范版本',
      download: 'OpenAPI（YAML）',
      switchTo: '阅读本页的中文版',
      controlTitle: 'Mock 控制 API 参考 · hwsec',
      // The control API is ours, for tests, and described in English only (spec/control/).
      controlNote:
        'Mock 控制 API 只供测试使用，其说明只有英文版。用法见[测试业务流程](testing-a-flow.html)。',
      sampleCredentials: {
        project: 'AK/SK 和项目ID',
        account: 'AK/SK 和账号ID（可选，以 X-Domain-Id 签名）',
        plain: 'AK/SK',
      },
      sampleSettings: (credentials, variables, mockSetting) =>
        `${credentials}取自 ${variables}（与华为云SDK相同）；设置 ${mockSetting} 即发往 mock。`,
      curlTokenNote: '（IAM Token；用AK/SK签名请使用TypeScript客户端）',
      mockSampleLabel: '本地 mock',
      mockSampleNote: (command) =>
        `按原样对本地 mock（${command}）运行；mock 接受任意 X-Auth-Token。`,
    },
  },
];

/** `../` for a page in a language folder, '' at the root: the way back to shared files. */
export function rootPrefix(language) {
  return language.folder ? '../'.repeat(language.folder.split('/').filter(Boolean).length) : '';
}

/** A page of `to`, linked from the same page of `from`. */
export function pageInLanguage(from, to, page) {
  return `${rootPrefix(from)}${to.folder}${page}`;
}
