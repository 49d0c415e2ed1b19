"""A synthetic plan for benchmarks (Kế hoạch giả lập): N tasks, a province's agencies, five years of reports.

:func:`generate` writes a complete plan-data directory in the project's real format — the same
files, schemas and cross-file rules as ``plan-data/`` — so that ``partracker validate --data DIR``
accepts it and the site builds from it. Everything comes from one seeded random generator: the same
arguments always write byte-identical files. The plan is fictional (its title says so) and is only
ever written to a directory the caller names, never into ``plan-data/``.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from pathlib import Path

from partracker.reading.plan_builder import ROMAN

SEED = 934
"""Default seed: the decision's number."""

START_YEAR, END_YEAR = 2016, 2020
QUARTER_DAYS = {1: (3, 5), 2: (6, 5), 3: (9, 5), 4: (12, 5)}
"""(month, day) a quarterly report is sent: before the 5th of the quarter's last month."""

MAX_SECTIONS_PER_GROUP = len(ROMAN)
"""The loader numbers sections I…XII; more per group is a data error."""

# A realistic province: the committee and its office, twenty departments, media, seventeen districts,
# public service units and the collectives the plan assigns work to.
DEPARTMENTS = [
    ("so-noi-vu", "Sở Nội vụ", "Department of Home Affairs"),
    ("so-tai-chinh", "Sở Tài chính", "Department of Finance"),
    ("so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment"),
    ("so-tu-phap", "Sở Tư pháp", "Department of Justice"),
    ("so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông", "Department of Information and Communications"),
    ("so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ", "Department of Science and Technology"),
    ("so-y-te", "Sở Y tế", "Department of Health"),
    ("so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", "Department of Education and Training"),
    ("so-xay-dung", "Sở Xây dựng", "Department of Construction"),
    ("so-giao-thong-van-tai", "Sở Giao thông vận tải", "Department of Transport"),
    ("so-tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường", "Department of Natural Resources and Environment"),
    ("so-nong-nghiep-phat-trien-nong-thon", "Sở Nông nghiệp và Phát triển nông thôn", "Department of Agriculture and Rural Development"),
    ("so-cong-thuong", "Sở Công Thương", "Department of Industry and Trade"),
    ("so-lao-dong-thuong-binh-xa-hoi", "Sở Lao động - Thương binh và Xã hội", "Department of Labour, Invalids and Social Affairs"),
    ("so-van-hoa-the-thao-du-lich", "Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism"),
    ("so-ngoai-vu", "Sở Ngoại vụ", "Department of Foreign Affairs"),
    ("thanh-tra-tinh", "Thanh tra tỉnh", "Provincial Inspectorate"),
    ("ban-dan-toc", "Ban Dân tộc", "Ethnic Minorities Committee"),
    ("ban-quan-ly-khu-kinh-te", "Ban Quản lý Khu kinh tế", "Economic Zone Management Board"),
    ("cong-an-tinh", "Công an tỉnh", "Provincial Police"),
]
DISTRICTS = [
    ("pleiku", "thành phố Pleiku", "Pleiku City"),
    ("an-khe", "thị xã An Khê", "An Khe Town"),
    ("ayun-pa", "thị xã Ayun Pa", "Ayun Pa Town"),
    ("chu-pah", "huyện Chư Păh", "Chu Pah District"),
    ("chu-prong", "huyện Chư Prông", "Chu Prong District"),
    ("chu-puh", "huyện Chư Pưh", "Chu Puh District"),
    ("chu-se", "huyện Chư Sê", "Chu Se District"),
    ("dak-doa", "huyện Đak Đoa", "Dak Doa District"),
    ("dak-po", "huyện Đak Pơ", "Dak Po District"),
    ("duc-co", "huyện Đức Cơ", "Duc Co District"),
    ("ia-grai", "huyện Ia Grai", "Ia Grai District"),
    ("ia-pa", "huyện Ia Pa", "Ia Pa District"),
    ("kbang", "huyện KBang", "KBang District"),
    ("kong-chro", "huyện Kông Chro", "Kong Chro District"),
    ("krong-pa", "huyện Krông Pa", "Krong Pa District"),
    ("mang-yang", "huyện Mang Yang", "Mang Yang District"),
    ("phu-thien", "huyện Phú Thiện", "Phu Thien District"),
]
COLLECTIVES = [
    ("so-ban-nganh-tinh", "Sở, ban, ngành tỉnh", "Provincial departments and sectors", ["provincial_department", "provincial_office"]),
    ("ubnd-cap-huyen", "UBND cấp huyện", "District People's Committees", ["district_committee"]),
    ("ubnd-cap-xa", "UBND cấp xã", "Commune People's Committees", ["commune_committee"]),
    ("don-vi-su-nghiep-cong-lap", "Các đơn vị sự nghiệp công lập", "Public service units", ["public_service_unit"]),
    ("co-quan-don-vi-lien-quan", "Cơ quan, đơn vị liên quan", "Agencies and units concerned", ["provincial_department", "provincial_office", "district_committee"]),
]

# Phrase pairs (vi, en) that combine into task texts of the decision's length and register.
VERBS = [
    ("Triển khai thực hiện", "Implement"),
    ("Tổ chức thực hiện có hiệu quả", "Effectively carry out"),
    ("Xây dựng và ban hành", "Develop and issue"),
    ("Rà soát, đánh giá và đề xuất sửa đổi", "Review, evaluate and propose amendments to"),
    ("Kiểm tra, đôn đốc việc thực hiện", "Inspect and urge the implementation of"),
    ("Tuyên truyền, phổ biến", "Communicate and disseminate"),
    ("Nâng cao chất lượng", "Improve the quality of"),
    ("Đẩy mạnh ứng dụng CNTT trong", "Step up the use of IT in"),
    ("Công khai, minh bạch", "Publish transparently"),
    ("Theo dõi, tổng hợp, báo cáo kết quả", "Monitor, compile and report the results of"),
]
OBJECTS = [
    ("kế hoạch CCHC hằng năm của cơ quan, đơn vị", "the annual PAR plan of the agency or unit"),
    ("cơ chế một cửa, một cửa liên thông tại Bộ phận TN&TKQ", "the one-stop and inter-agency one-stop mechanism at the reception and result-return unit"),
    ("thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh", "administrative procedures within the province's competence"),
    ("văn bản QPPL do HĐND, UBND tỉnh ban hành", "legal normative documents issued by the Provincial People's Council and People's Committee"),
    ("đề án vị trí việc làm và cơ cấu ngạch công chức", "the job-position scheme and civil-servant grade structure"),
    ("công tác đào tạo, bồi dưỡng CB,CCVC", "training and refresher courses for cadres, civil servants and public employees"),
    ("cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập", "the financial autonomy mechanism of public service units"),
    ("hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2008", "the quality management system under TCVN ISO 9001:2008"),
    ("dịch vụ công trực tuyến mức độ 3, mức độ 4", "level-3 and level-4 online public services"),
    ("việc tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức", "the receipt and handling of feedback and petitions from individuals and organisations"),
    ("chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính", "citizens' satisfaction with the service of administrative agencies"),
    ("kỷ luật, kỷ cương hành chính trong thực thi công vụ", "administrative discipline in the performance of public duties"),
]
QUALIFIERS = [
    ("theo đúng quy định của pháp luật và hướng dẫn của Bộ Nội vụ", "in accordance with the law and the guidance of the Ministry of Home Affairs"),
    ("bảo đảm đúng tiến độ, chất lượng và hiệu quả", "ensuring the schedule, quality and effectiveness"),
    ("gắn với trách nhiệm của người đứng đầu cơ quan, đơn vị", "linked to the responsibility of the head of the agency or unit"),
    ("trên địa bàn tỉnh giai đoạn 2016-2020", "in the province in the 2016-2020 period"),
    ("nhằm duy trì, nâng cao Chỉ số CCHC của tỉnh", "so as to maintain and raise the province's PAR INDEX"),
    ("kịp thời phát hiện, chấn chỉnh những tồn tại, hạn chế", "promptly detecting and correcting shortcomings and limitations"),
]
OUTPUTS = [
    ("Kế hoạch của cơ quan, đơn vị được ban hành", "The agency's or unit's plan is issued"),
    ("Báo cáo kết quả thực hiện gửi Sở Nội vụ", "A report on the results sent to the Department of Home Affairs"),
    ("Quyết định công bố danh mục thủ tục hành chính", "A decision announcing the list of administrative procedures"),
    ("Văn bản hướng dẫn, đôn đốc thực hiện", "Guidance and reminder documents"),
    ("Kết luận kiểm tra và văn bản chấn chỉnh", "Inspection conclusions and corrective documents"),
    ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt yêu cầu", "The share of files settled on time meets the requirement"),
]
CLAUSES = [
    ({"kind": "recurring_annual"}, "Thực hiện thường xuyên hằng năm", "Carried out regularly every year"),
    ({"kind": "periodic_reports"}, "Báo cáo kết quả theo chế độ báo cáo CCHC định kỳ", "Report the results under the periodic PAR reporting regime"),
    ({"kind": "annual_report"}, "Báo cáo kết quả theo định kỳ hằng năm", "Report the results every year"),
    ({"kind": "per_plan"}, "Nhiệm vụ thực hiện theo kế hoạch", "The task is carried out according to plan"),
    ({"kind": "plan_in_previous_q4"}, "Kế hoạch ban hành trong quý IV của năm trước liền kề năm thực hiện kế hoạch", "The plan is issued in the fourth quarter of the year before the plan year"),
    ({"kind": "in_quarter", "quarter": 3}, "Hoàn thành trong quý III năm thực hiện kế hoạch", "Completed in the third quarter of the plan year"),
    ({"kind": "per_roadmap"}, "Theo lộ trình", "According to the roadmap"),
]
SECTION_TITLES = [
    ("Công tác chỉ đạo điều hành CCHC", "Direction and management of PAR"),
    ("Xây dựng và tổ chức thực hiện văn bản QPPL", "Drafting and implementing legal normative documents"),
    ("Cải cách thủ tục hành chính", "Reform of administrative procedures"),
    ("Cải cách tổ chức bộ máy hành chính nhà nước", "Reform of the state administrative apparatus"),
    ("Xây dựng và nâng cao chất lượng đội ngũ CB,CCVC", "Building and improving the quality of cadres, civil servants and public employees"),
    ("Đổi mới cơ chế tài chính đối với cơ quan hành chính và đơn vị sự nghiệp công lập", "Renewing the financial mechanism of administrative agencies and public service units"),
    ("Hiện đại hóa hành chính", "Modernisation of the administration"),
    ("Thực hiện cơ chế một cửa, một cửa liên thông", "Implementing the one-stop and inter-agency one-stop mechanism"),
]
NOTES = [
    ("Tiến độ chậm do chờ hướng dẫn của bộ, ngành Trung ương.", "Progress is slow while waiting for guidance from central ministries."),
    ("Đã lồng ghép vào kế hoạch công tác năm của đơn vị.", "Integrated into the unit's annual work plan."),
    ("Kinh phí thực hiện được bố trí từ nguồn ngân sách tỉnh.", "Funding comes from the provincial budget."),
]
DOC_KINDS = ["QĐ-UBND", "KH-UBND", "BC-SNV", "CV-UBND", "TB-VP"]


@dataclass(frozen=True)
class Summary:
    """What :func:`generate` wrote."""

    root: Path
    """The plan-data directory."""
    tasks: int
    """Number of tasks."""
    sections: int
    """Number of sections."""
    agencies: int
    """Number of agencies (collectives included)."""
    report_files: int
    """Number of progress report files."""
    entries: int
    """Number of report entries."""


def _q(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def _text(vi: str, en: str) -> str:
    return "{vi: " + _q(vi) + ", en: " + _q(en) + "}"


def _agencies() -> list[tuple[str, str, str, str, list[str]]]:
    """(id, kind, vi, en, member kinds) of the synthetic province, sorted by id."""
    rows = [
        ("ubnd-tinh", "provincial_committee", "Ủy ban nhân dân tỉnh", "Provincial People's Committee", []),
        ("van-phong-ubnd-tinh", "provincial_office", "Văn phòng UBND tỉnh", "Office of the Provincial People's Committee", []),
        ("dai-phat-thanh-truyen-hinh", "media", "Đài Phát thanh - Truyền hình tỉnh", "Provincial Radio and Television Station", []),
        ("bao-tinh", "media", "Báo tỉnh", "Provincial Newspaper", []),
        ("trung-tam-hanh-chinh-cong", "public_service_unit", "Trung tâm Hành chính công tỉnh", "Provincial Public Administration Centre", []),
    ]
    rows += [(i, "provincial_department", vi, en, []) for i, vi, en in DEPARTMENTS]
    rows += [(f"ubnd-{i}", "district_committee", f"UBND {vi}", f"{en} People's Committee", []) for i, vi, en in DISTRICTS]
    rows += [(i, "collective", vi, en, kinds) for i, vi, en, kinds in COLLECTIVES]
    return sorted(rows)


def _sentence(rng: random.Random) -> tuple[str, str]:
    verb, obj, qual = rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(QUALIFIERS)
    vi, en = f"{verb[0]} {obj[0]} {qual[0]}", f"{verb[1]} {obj[1]} {qual[1]}"
    if rng.random() < 0.5:
        obj2 = rng.choice(OBJECTS)
        vi, en = f"{vi}; {obj2[0]}", f"{en}; {obj2[1]}"
    return vi, en


def layout(tasks: int) -> list[tuple[str, str, int]]:
    """(group, numeral, task count) of each section for ``tasks`` tasks, in plan order."""
    if tasks < 3:
        raise ValueError("A synthetic plan needs at least 3 tasks (one per group).")
    per_group = max(1, min(MAX_SECTIONS_PER_GROUP, math.ceil(tasks / (3 * 25))))
    slots = [(g, ROMAN[k]) for g in "ABC" for k in range(per_group)]
    base, extra = divmod(tasks, len(slots))
    counts = [base + (1 if i < extra else 0) for i in range(len(slots))]
    return [(g, n, c) for (g, n), c in zip(slots, counts) if c > 0]


def generate(root: Path, *, tasks: int, seed: int = SEED, reports: bool = True) -> Summary:
    """Write a synthetic plan of ``tasks`` tasks, with five years of quarterly reports, into ``root``."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    sections = layout(tasks)
    if sections[0][2] < 2:
        raise ValueError("The first section needs two tasks: A-I-2 states the reporting regime.")
    agencies = _agencies()
    individual = [a for a in agencies if a[1] not in ("collective", "provincial_committee", "media")]
    collectives = [a[0] for a in agencies if a[1] == "collective"]
    source_lines = 40 * tasks + 200

    def write(rel: str, lines: list[str]) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    write(
        "plan.yaml",
        [
            "# yaml-language-server: $schema=../partracker/schemas/plan.schema.json",
            f"# Synthetic plan for benchmarks (seed {seed}): fictional, never published.",
            "decision:",
            '  number: "1/QĐ-BENCH"',
            '  date: "2016-12-02"',
            "  date_text: " + _text("ngày 02 tháng 12 năm 2016", "2 December 2016"),
            "  issuer: " + _text("Ủy ban nhân dân tỉnh (giả lập)", "Provincial People's Committee (synthetic)"),
            "  signer:",
            '    name: "Người Ký Giả Lập"',
            "    title: " + _text("Chủ tịch", "Chairman"),
            "    on_behalf: " + _text("TM. Ủy ban nhân dân", "On behalf of the People's Committee"),
            "title: " + _text(f"Kế hoạch giả lập {tasks} nhiệm vụ để đo hiệu năng", f"Synthetic plan of {tasks} tasks for benchmarks"),
            "appendix_title: " + _text("Nhiệm vụ cụ thể (giả lập)", "Specific tasks (synthetic)"),
            f"period: {{start_year: {START_YEAR}, end_year: {END_YEAR}}}",
            'timezone: "Asia/Ho_Chi_Minh"',
            "source:",
            '  file: "seeds/synthetic.txt"',
            f"  lines: {source_lines}",
            "  description: " + _text("Dữ liệu giả lập, sinh tự động với hạt giống cố định.", "Synthetic data generated with a fixed seed."),
        ],
    )
    lines = ["# yaml-language-server: $schema=../partracker/schemas/agencies.schema.json", "agencies:"]
    for agency_id, kind, vi, en, kinds in agencies:
        lines += [f"  - id: {agency_id}", f"    kind: {kind}", "    name: " + _text(vi, en), "    short: " + _text(vi, en)]
        if kinds:
            lines += ["    members:", "      kinds: [" + ", ".join(kinds) + "]"]
    write("agencies.yaml", lines)
    write(
        "glossary.yaml",
        [
            "# yaml-language-server: $schema=../partracker/schemas/glossary.schema.json",
            "terms:",
            '  - abbr: "CCHC"',
            '    vi: "Cải cách hành chính"',
            '    en: "Public administration reform (PAR)"',
            '  - abbr: "TTHC"',
            '    vi: "Thủ tục hành chính"',
            '    en: "Administrative procedures"',
        ],
    )
    groups = sorted({g for g, _, _ in sections})
    lines = ["# yaml-language-server: $schema=../partracker/schemas/groups.schema.json", "groups:"]
    group_titles = {"A": ("Nhóm tiêu chí thực hiện thường xuyên", "Criteria implemented regularly"), "B": ("Nhóm tiêu chí cần cải thiện", "Criteria to improve"), "C": ("Nhóm tiêu chí khác", "Other criteria")}
    for i, g in enumerate(groups):
        lines += [f"  - id: {g}", "    title: " + _text(*group_titles[g]), f"    source_lines: [{i + 1}, {i + 1}]"]
    write("groups.yaml", lines)
    write(
        "responsibilities.yaml",
        [
            "# yaml-language-server: $schema=../partracker/schemas/responsibilities.schema.json",
            "items:",
            "  - number: 1",
            "    heading: " + _text("Sở Nội vụ:", "Department of Home Affairs:"),
            "    agencies: [so-noi-vu]",
            "    bullets:",
            "      - " + _text("Theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch.", "Monitor, urge and inspect the implementation of the Plan."),
            "    source_lines: [4, 6]",
            "    confidence: high",
            "closing:",
            "  text: " + _text("Trên đây là Kế hoạch giả lập.", "The above is the synthetic Plan."),
            "  source_lines: [7, 8]",
            "  confidence: high",
        ],
    )
    write(
        "reporting.yaml",
        [
            "# yaml-language-server: $schema=../partracker/schemas/reporting.schema.json",
            "source_task: A-I-2",
            "source_lines: [20, 30]",
            "tiers:",
            "  - id: tier-1",
            "    from: [so-ban-nganh-tinh, ubnd-cap-huyen]",
            "    to: so-noi-vu",
            "    text: " + _text("Sở, ban, ngành tỉnh, UBND cấp huyện gửi Báo cáo về Sở Nội vụ.", "Provincial departments and District People's Committees send reports to the Department of Home Affairs."),
            "    reports:",
            "      - kind: quarterly",
            "        due: {rule: day_of_last_month_of_quarter, day: 5}",
            "        text: " + _text("BC quý gửi trước ngày 05 tháng cuối cùng của quý", "Quarterly reports before the 5th of the quarter's last month"),
            "      - kind: six_month",
            "        due: {rule: fixed_day, month: 6, day: 5}",
            "        text: " + _text("BC 6 tháng gửi trước ngày 05/6", "Six-month report before 5 June"),
            "      - kind: annual",
            "        due: {rule: fixed_day, month: 11, day: 25}",
            "        text: " + _text("BC năm gửi trước ngày 25/11", "Annual report before 25 November"),
            "  - id: tier-2",
            "    from: [so-noi-vu]",
            "    to: ubnd-tinh",
            "    text: " + _text("Sở Nội vụ tổng hợp, trình UBND tỉnh.", "The Department of Home Affairs compiles and submits to the PPC."),
            "    reports:",
            "      - kind: annual",
            "        due: {rule: fixed_day, month: 12, day: 2}",
            "        text: " + _text("BC năm gửi trước ngày 02/12", "Annual report before 2 December"),
        ],
    )

    # Tasks: each has one registered lead that files its reports, and zero to four coordinators.
    led: dict[str, list[tuple[str, bool]]] = {}
    line = 100
    for index, (g, numeral, count) in enumerate(sections):
        section_id = f"{g}-{numeral}"
        title = SECTION_TITLES[index % len(SECTION_TITLES)]
        lines = [
            "# yaml-language-server: $schema=../../partracker/schemas/section.schema.json",
            f"id: {_q(section_id)}",
            f"group: {_q(g)}",
            f"numeral: {_q(numeral)}",
            "title: " + _text(f"{title[0]} ({section_id})", f"{title[1]} ({section_id})"),
            f"source_lines: [{index + 10}, {index + 10}]",
            "tasks:",
        ]
        for number in range(1, count + 1):
            task_id = f"{section_id}-{number}"
            lead = rng.choice(individual)
            coordinating = rng.sample([a[0] for a in individual if a[0] != lead[0]] + collectives, rng.randint(0, 4))
            coord_vi = "; ".join(next(a[2] for a in agencies if a[0] == c) for c in coordinating) or "Các cơ quan liên quan"
            coord_en = "; ".join(next(a[3] for a in agencies if a[0] == c) for c in coordinating) or "Agencies concerned"
            content = _sentence(rng)
            has_target = rng.random() < 0.2
            led.setdefault(lead[0], []).append((task_id, has_target))
            lines += [
                f"  - id: {_q(task_id)}",
                f"    number: {number}",
                "    content:",
                f"      vi: {_q(content[0])}",
                f"      en: {_q(content[1])}",
                "    lead:",
                "      text: " + _text(lead[2], lead[3]),
                f"      agencies: [{_q(lead[0])}]",
                "    coordinating:",
                "      text: " + _text(coord_vi, coord_en),
                "      agencies: [" + ", ".join(_q(c) for c in coordinating) + "]",
                "    outputs:",
            ]
            for vi, en in rng.sample(OUTPUTS, rng.randint(1, 3)):
                lines.append("      - " + _text(vi, en))
            lines.append("    completion:")
            for rule, vi, en in rng.sample(CLAUSES, rng.randint(1, 2)):
                lines += ["      - text: " + _text(vi, en), "        rule: " + json.dumps(rule)]
            if has_target:
                obj = rng.choice(OBJECTS)
                lines += [
                    "    targets:",
                    "      - id: t1",
                    "        metric: " + _text(f"Tỷ lệ thực hiện {obj[0]}", f"Share achieved for {obj[1]}"),
                    "        comparator: gte",
                    f"        value: {rng.choice([80, 90, 95, 100])}",
                    "        unit: percent",
                    f"        year: {rng.choice(['null', str(END_YEAR)])}",
                ]
            span = rng.randint(6, 30)
            lines += [f"    source_ranges: [[{line}, {line + span}]]", "    confidence: high"]
            line += span + 1
            if rng.random() < 0.1:
                lines += ["    notes:", "      - " + _text("Một số chữ trong ô không đọc rõ trong bản quét.", "Some words in the cell are hard to read in the scan.")]
        write(f"tasks/{section_id}.yaml", lines)

    n_files = n_entries = 0
    if reports:
        n_files, n_entries = _write_reports(root, led, rng)
    return Summary(root=root, tasks=tasks, sections=len(sections), agencies=len(agencies), report_files=n_files, entries=n_entries)


def _write_reports(root: Path, led: dict[str, list[tuple[str, bool]]], rng: random.Random) -> tuple[int, int]:
    """Quarterly reports 2016–2020 from every lead agency, one entry per task it leads; progress only moves forward."""
    files = entries = 0
    for agency_id in sorted(led):
        owned = led[agency_id]
        # State per task: percent reached and the quarter index it was finished in.
        percent = {task: 0 for task, _ in owned}
        finished: dict[str, str] = {}
        for year in range(START_YEAR, END_YEAR + 1):
            for quarter in range(1, 5):
                month, day = QUARTER_DAYS[quarter]
                submitted = f"{year}-{month:02d}-{day:02d}"
                reported = f"{year}-{month:02d}-01"
                lines = [
                    "# yaml-language-server: $schema=../../../partracker/schemas/report.schema.json",
                    f"agency: {_q(agency_id)}",
                    f'period: "{year}-q{quarter}"',
                    f'submitted: "{submitted}"',
                    "entries:",
                ]
                for n, (task, has_target) in enumerate(owned, start=1):
                    if task not in finished and rng.random() < 0.35:
                        percent[task] = min(100, percent[task] + rng.choice([10, 20, 25, 30]))
                        if percent[task] == 100:
                            finished[task] = reported
                    value = percent[task]
                    status = "done" if task in finished else "in_progress" if value else "not_started"
                    lines += [f'  - id: "e{n}"', f"    task: {_q(task)}", f'    status: "{status}"']
                    if value:
                        lines.append(f"    percent: {value}")
                    if has_target and value:
                        lines.append(f"    targets: {{t1: {min(100, value + 5)}}}")
                    if value and rng.random() < 0.3:
                        number = rng.randint(1, 2999)
                        kind = rng.choice(DOC_KINDS)
                        lines += [
                            "    evidence:",
                            f'      - {{document: "{number}/{kind}", date: "{reported}", url: "https://example.gov.vn/van-ban/{year}/{number}"}}',
                        ]
                    if rng.random() < 0.05:
                        lines.append("    note: " + _text(*rng.choice(NOTES)))
                    lines.append(f'    reported: "{reported}"')
                    if status == "done":
                        lines.append(f'    completed: "{finished[task]}"')
                    entries += 1
                path = root / "progress" / agency_id / f"{year}-q{quarter}.yaml"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
                files += 1
    return files, entries
