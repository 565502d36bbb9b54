/**
 * The playground's own text (page, command line, refusals): it serves no school, so it is not
 * shipped in dist/Code.js or the sidebar. Same rules as the add-on's catalogues: every string in
 * both languages, this file is the shape, en.ts follows it.
 */
export const zhCN = {
  title: '后勤助手 · 本机演示',
  demoWorkbook: '演示工作簿（某某中学）',
  fileWorkbook: '工作簿文件：{file}（每次改动后自动保存，打开前的原文件留作 {file}.bak）',
  menu: '菜单',
  workbook: '工作簿',
  sidebar: '侧边栏',
  outbox: '发件箱',
  outboxEmpty: '还没有发出任何邮件。',
  mailTo: '收件人',
  mailSubject: '主题',
  mailSent: '发送时间',
  mailAttachment: '附件（PDF，按打印页面显示）',
  messages: '提示与对话框',
  messagesEmpty: '运行菜单项后，它显示的提示会出现在这里。',
  close: '关闭',
  clock: '时钟',
  today: '今天',
  setToday: '设为今天',
  advance: '前进',
  day: '1 天',
  week: '1 周',
  month: '1 个月',
  jobs: '定时任务（按触发器的方式运行）',
  jobKinds: { daily: '每日任务', weekly: '每周任务', monthly: '每月任务' },
  noJobs: '这个版本的后勤助手没有定时任务。',
  triggersOn: '自动提醒已启用：{n} 个触发器。',
  triggersOff: '自动提醒未启用：前进时钟不会运行任何任务（菜单「{item}」可启用）。',
  fired: '已按触发器运行：{list}',
  firedNone: '这段时间内没有触发器到期。',
  notSetUp: '这个工作簿里还没有后勤助手的工作表。',
  setUpNow: '初始化工作簿',
  rowsShown: '显示前 {n} 行，共 {total} 行',
  emptySheet: '（空表）',
  running: '正在运行…',
  failed: '出错了：{message}',
  saved: '已保存到 {file}',
  saveFailed: '保存 {file} 失败：{message}',
  clockBadDay: '「{text}」不是有效日期，请按 2026-09-14 的格式填写。',
  clockOutOfRange: '日期须在 {from} 至 {to} 之间。',
  clockTooFar: '时钟一次最多前进 {max} 天（途中到期的定时任务会逐个运行），请分几次前进。',
  clockExpected: '请给出要设为今天的日期（today，格式 yyyy-MM-dd）或要前进的天数（days，整数）。',
  refusedHost: '只接受发往本机（localhost 或 127.0.0.1）的请求，已拒绝。',
  refusedOrigin: '只接受本机演示页面自己发出的请求，已拒绝。',
  refusedType: '请求内容须为 JSON（content-type: application/json），已拒绝。',
  refusedSize: '请求内容超过 {max} KB，已拒绝。',
  cli: {
    listening: '后勤助手本机演示已启动：{url}（按 Ctrl+C 停止）',
    fileMissing: '找不到文件：{file}',
    fileUnreadable: '无法读取 {file}，它不是可用的 .xlsx 文件：{message}',
    portInUse: '端口 {port} 已被占用。请换一个端口，例如：npm start -- --port {next}',
    badOption: '无法识别的参数：{arg}。用法：npm start -- [--port 8080] [--workbook 文件.xlsx]',
    templateUsage: '用法：npm run template -- 输出文件.xlsx',
    templateWritten: '已写出模板工作簿：{file}（上传到 Google 云端硬盘，用 Google 表格打开即可）',
    skippedValidations: '「{sheet}」有 {count} 个单元格的数据验证无法转换，已省略。',
    stopped: '已停止。',
    tooLarge:
      '{file} 太大，本机演示无法打开：「{sheet}」用到第 {rows} 行、第 {cols} 列，整个工作簿超过 {max} 个单元格的上限。',
    notZip:
      '无法打开 {file}：它不是 .xlsx 工作簿（不是 zip 格式）。如果是 .xls、.et 或 .csv，请先用 Excel 或 WPS 打开，另存为「Excel 工作簿 (*.xlsx)」再试。文件未作任何改动。',
    encrypted:
      '无法打开 {file}：文件设了打开密码或已加密（也可能是旧的 .xls）。请在 Excel 或 WPS 中打开，取消密码（文件 → 信息 → 保护工作簿 / 文件加密），另存为 .xlsx 再试。文件未作任何改动。',
    bomb: '拒绝打开 {file}：其中的「{part}」解压后大得不合常理（超过 400 MB 或压缩比超过 1000 倍），文件可能已损坏或是恶意文件。文件未作任何改动。',
    notWorkbook:
      '无法打开 {file}：这个 zip 文件里没有 Excel 工作簿（可能是 .docx、.pptx 或其他压缩包）。请选择 .xlsx 工作簿。文件未作任何改动。',
    broken:
      '无法打开 {file}：文件已损坏（zip 结构不完整）。请用 Excel 或 WPS 打开修复后另存为 .xlsx 再试。文件未作任何改动。',
  },
  xlsx: {
    savedAside:
      '已保存到新文件 {file}，原文件 {original} 未改动：新文件缺少后勤助手所做的以下改动：{lacks}。',
    lackSeparator: '；',
    lacks: {
      notes: '「{sheet}」{count} 个单元格的批注（这张表有 Excel 365 的批注回复，原有批注保持原样）',
      styles: '「{sheet}」{count} 个单元格的字体颜色、字号、斜体、换行或对齐',
      validations: '「{sheet}」{count} 个单元格的数据验证',
    },
  },
  upload: {
    button: '导入文件（.xlsx / .csv）…',
    done: '已把{names}作为新工作表加入工作簿（如同「文件 → 导入 → 插入新工作表」）。请用菜单「导入台账…」选择它导入。',
    refused: {
      notZip: '这个文件不是 .xlsx（.xlsx 是 zip 压缩包，这个文件不是）',
      zipBomb: '这个 .xlsx 解压后过大（超过 100 MB，或压缩比异常），可能是恶意文件',
      tooLarge: '文件超过一次可导入的 50,000 行或 500,000 个单元格，请拆分后分别导入',
      unreadable: '文件已损坏或加密，无法读取',
      kind: '只能导入 .xlsx 或 .csv 文件',
      empty: '文件里没有任何内容',
    },
    failed: '没有导入任何内容：{why}。请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再试。',
  },
};

export type PlaygroundMessages = typeof zhCN;
