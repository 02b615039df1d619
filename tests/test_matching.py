"""Issue 14: the recognition vocabulary, matching a recruiter would sign, an honest match %, skills as
people write them, and real files (PDF, DOCX) through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aicareer.domain.postings import PREFERRED, REQUIRED, analyse, plan_skills
from aicareer.readers.inputs import read_input

EVAL = Path(__file__).resolve().parents[1] / "benchmarks" / "eval"


@pytest.fixture(scope="module")
def find(cat):
    return cat.vocabulary.recogniser.find


def test_the_vocabulary_is_a_catalogue_file(cat):
    voc = cat.vocabulary
    assert len(voc.terms) >= 300
    assert voc.terms["go"].skill is None  # recognised, though the catalogue teaches no Go
    assert voc.terms["pytorch"].skill == "pytorch"
    assert voc.term("k8s").id == "kubernetes" and voc.term("Scikit learn").id == "scikit-learn"


def test_a_data_dir_can_add_a_term(tmp_path):
    from aicareer.catalogue.loader import load_catalogue

    (tmp_path / "vocabulary.yaml").write_text(
        "terms:\n  - {id: zig, name: Zig, aliases: [ziglang], category: language, sources: [onet-30.3]}\n")
    cat = load_catalogue(tmp_path, use_cache=False)
    assert cat.vocabulary.recogniser.find("Services in Zig and Python") == ["zig", "python"]


@pytest.mark.parametrize("text", ["TF-IDF weighting beats it", "the bedrock of our culture", "We saw red pandas",
                                  "Most problems are NP-hard", "Our go-to-market team", "Our R&D group",
                                  "our monthly RAG status review", "our customer support agents",
                                  "We handle the rest of the stack", "We are in growth mode",
                                  "Follow CDC guidance when you travel", "A superset of the skills above",
                                  "Long hours sap the energy of any team", "We have a bias for action",
                                  "Regression suites run before every release",
                                  "Watch for physics that fools models: scale, rust and wear on rolls",
                                  "airflow through the baghouse fans changing with the season",
                                  "Full-time · Series B · Remote", "freezes, net growth and retention",
                                  "a former furniture workshop with parquet floors",
                                  "Julia, our lab operations lead, will onboard you",
                                  "Fill in the Excel-style timesheet by Friday",
                                  "We present at MRS and ECS meetings",
                                  "Quality checks on the crude distillation endpoints",
                                  "We turn detections into occupancy estimates",
                                  "Coldfront Systems designs HVAC units",
                                  "Some of us want to terraform Mars one day",
                                  "the Atlanta office has a taco feast", "it's time to pass the torch",
                                  "a real estate agent showed us the house",
                                  "He wants an EMR system that doctors like"])
def test_ordinary_words_are_not_skills(find, text):
    assert find(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Write Triton kernels for attention", ["openai-triton"]),
    ("Serve with Triton Inference Server", ["triton"]),
    ("Built with OpenAI and GPT-4o", ["openai-api", "gpt"]),
    ("pgvector, FAISS and PEFT", ["pgvector", "faiss", "peft"]),
    ("CI with GitHub Actions", ["github-actions"]),
    ("Fine-tuned Llama 3 with LoRA", ["fine-tuning", "llama", "lora"]),
    ("Backend services in Go and Rust", ["go", "rust"]),
    ("K8s and Py Torch 2", ["kubernetes", "pytorch"]),
    ("We sit at the confluence of agronomy and computer vision", ["computer-vision"]),
    ("Experience with text data: tokenisation and data modelling", ["tokenization", "data-modeling"]),
    ("Train and evaluate safety classifiers and guardrail models", ["guardrails"]),
    ("Generative models for molecules (diffusion models, graph generators)", ["diffusion-models"]),
    ("Built a RAG pipeline: chunking, embeddings and reranking", ["rag", "chunking", "embeddings", "reranking"]),
    ("Advanced Excel, including Power Query and pivot tables", ["excel"]),
    ("Knowledge of ICH E6 GCP", ["medical-device-regulation"]),
    ("- Retrieval-augmented generation with a vector database", ["rag", "vector-databases"]),
    ("Write Parquet files to S3", ["data-formats", "s3"]),
    ("Run commonality and root cause analyses when a yield excursion hits", ["root-cause-analysis"]),
])
def test_skills_are_found(find, text, expected):
    got = find(text)
    assert set(expected) <= set(got), got


@pytest.mark.parametrize("text,expected", [
    ("Knowledge of HIPAA and protected health information", ["hipaa"]),
    ("Apply logistic regression and survival analysis", ["classical-ml", "survival-analysis"]),
    ("Produce documents that meet SR 11-7 expectations", ["model-risk-management"]),
    ("Build 6-DoF pose estimation pipelines", ["pose-estimation"]),
    ("Deep learning models for CTR/CVR prediction", ["deep-learning", "ctr-prediction"]),
    ("Build GTFS and GTFS-Realtime feeds", ["gtfs"]),
    ("Own the ISO 14971 risk file and IEC 62366-1 usability work", ["iso-14971", "iec-62366"]),
    ("Run DFT calculations in VASP, then fit interatomic potentials", ["dft", "molecular-dynamics"]),
    ("Model SCD Type 2 tables on ADLS Gen2", ["slowly-changing-dimensions", "adls"]),
    ("Maintain SSRS reports, Visio diagrams and IBM Db2 extracts", ["ssrs", "visio", "db2"]),
    ("Pipelines in Azure DevOps; decks in PowerPoint", ["azure-devops", "office-suite"]),
    ("Weight the survey with raking to Census ACS targets; program it in Qualtrics", ["survey-methods", "census-data",
                                                                               "survey-platforms"]),
    ("Tune DMC3 controllers and build Aspen HYSYS models", ["advanced-process-control", "process-simulation"]),
    ("Join claims with NCPDP and NDC codes; rent rolls from Yardi Voyager", ["pharmacy-claims",
                                                                              "property-management-software"]),
    ("Propagate TLEs with SGP4 and screen conjunctions", ["orbital-mechanics"]),
    ("Redact PII; hybrid keyword and vector search", ["privacy-engineering", "semantic-search"]),
    ("Ingest job signals from Kafka event streams", ["kafka"]),
    ("Maintain SWE-bench runs in sandboxed code execution", ["llm-evals", "code-sandboxes"]),
    ("Track players with ByteTrack and a homography to the pitch", ["object-detection", "camera-calibration"]),
    ("Sync invoices from Stripe to NetSuite in Temporal workflows", ["saas-billing", "erp-accounting",
                                                                     "durable-workflows"]),
])
def test_domain_techniques_and_standards_are_found(find, text, expected):
    assert find(text) == expected


def test_an_acronym_beside_a_known_term_keeps_its_exceptions(find):
    """PACS is a known term now, so it gives EMR a technical neighbour; EMR systems are still
    medical records, not Amazon EMR."""
    assert find("Integrated with the hospitals' PACS and EMR systems") == ["pacs"]


def test_a_term_that_names_a_person_in_the_document_is_not_a_skill_there(find):
    """'report to Ray Okafor, Director' makes Ray a person in this posting, so 'a conversation with Ray'
    is not the Ray framework; a posting that never names a Ray still reads 'experience with Ray'."""
    text = "You'll report to Ray Okafor, Director of Data Science.\nSQL tests, then a conversation with Ray."
    assert find(text) == ["sql"]
    assert find("Meet Julia Chen, our lab lead. You will pair with Julia on Tuesdays.") == []
    assert find("Experience with Ray and Spark for distributed training") == ["ray", "spark", "distributed-training"]
    assert find("Ray Serve and Ray Tune on Kubernetes") == ["ray", "kubernetes"]
    assert find("A chat with Gemma, our recruiting partner.\nFine-tune models with Gemma") == ["fine-tuning"]
    assert find("Fine-tune Gemma, Qwen and Llama") == ["fine-tuning", "open-weight-models", "llama"]


def test_ci_is_continuous_integration_except_as_a_confidence_interval(find):
    assert find("Docker and CI for robot software") == ["docker", "ci-cd"]
    assert find("Report the lift with its 95% CI") == []
    assert find("Compute CIs by bootstrap") == []


def test_the_fields_of_a_degree_requirement_are_not_skills(find):
    """The labelling rules leave degrees out: 'statistics' in 'BS or MS in computer science, statistics or a
    related field' is a field of study; the same word as a skill, or after the degree's clause, still counts."""
    assert find("BS or MS in computer science, statistics or a related field") == []
    assert find("Master's degree or PhD in Statistics, Economics or Computer Science") == []
    assert find("Degree in a quantitative field; strong statistics and SQL") == ["statistics", "sql"]
    assert find("Applied statistics and causal inference") == ["statistics", "causal-inference"]


def test_a_two_word_spelling_without_the_ambiguous_word_needs_no_context(find):
    """Red teaming is ambiguous (security red teams), but "prompt injection" is not ordinary English."""
    assert find("Harden the copilot against prompt injection from product reviews") == ["red-teaming"]
    assert find("Train and evaluate YOLO-family detectors") == ["yolo"]


def test_a_slash_between_two_tools_is_not_a_web_address(find):
    """'PyTorch/TensorFlow.' keeps both (a sentence's full stop sends the line through every rule),
    while a path after a host ('github.com/docker') is still an address."""
    assert find("Experience with PyTorch/TensorFlow.") == ["pytorch", "tensorflow"]
    assert find("Code at github.com/docker, mail me@docker.io.") == []


def test_a_negated_term_is_not_a_requirement(find):
    assert find("No Jira; we track work on Linear") == []
    assert find("Python, not Java, for new services") == ["python"]
    assert find("Deploy without Kubernetes") == []


def test_a_based_or_powered_compound_still_names_the_term(find):
    assert find("transformer-based models in PyTorch") == ["transformers", "pytorch"]
    assert find("TF-IDF weighting") == [] and find("NP-hard") == []


def test_a_pdf_line_wrapped_mid_phrase_is_read_whole(cat):
    text = ("Relevant coursework: Machine Learning, Deep Learning, Natural Language Processing, Computer Vision, Data\n"
            "Structures and Algorithms\nEXPERIENCE\n")
    assert "data-structures-algorithms" in cat.vocabulary.from_text(text).terms
    assert "data-structures-algorithms" not in cat.vocabulary.from_text("Data\nStructures\n").terms


def test_alternatives_are_one_requirement(cat):
    text = ("Requirements:\n- PyTorch/TensorFlow\n- PyTorch or JAX\n- one of AWS, Azure or GCP\n"
            "- MLflow or Kubeflow\n- a vector store such as pgvector, Pinecone or similar\n- Docker and Kubernetes\n")
    result = analyse(cat, text, ["PyTorch"])
    ids = {r.ids for r in result.requirements}
    assert {("pytorch", "tensorflow"), ("pytorch", "jax"), ("aws", "azure", "gcp"), ("mlflow", "kubeflow"),
            ("vector-databases", "pgvector", "pinecone"), ("docker",), ("kubernetes",)} <= ids
    assert all(r.known for r in result.requirements if "pytorch" in r.ids)


def test_roadmap_adds_the_cheapest_missing_member_only_when_none_is_known(cat):
    text = "Requirements:\n- PyTorch/TensorFlow\n- MLflow or Kubeflow\n"
    have = cat.vocabulary.read_skills(["PyTorch"])
    skills = plan_skills(cat, analyse(cat, text, have), have)
    assert "tensorflow" not in skills and "pytorch" not in skills
    cheapest = min(("mlflow", "kubeflow"), key=lambda s: cat.skills[s].learn_hours)
    assert skills == {cheapest: REQUIRED}


@pytest.mark.parametrize("heading,weight", [
    ("You might be a fit if you have:", REQUIRED), ("About you", REQUIRED), ("What we're looking for", REQUIRED),
    ("Minimum qualifications", REQUIRED), ("Bonus points", PREFERRED), ("Nice to have:", PREFERRED)])
def test_headings_as_people_write_them(cat, heading, weight):
    result = analyse(cat, f"{heading}\n- Experience with Docker\n")
    assert [(r.ids, r.weight) for r in result.requirements] == [(("docker",), weight)]


def test_inline_qualifiers_weigh_their_line(cat):
    result = analyse(cat, "Requirements:\n- Python\n- Terraform is a plus\n- Helm charts (nice to have)\n")
    weights = {r.ids[0]: r.weight for r in result.requirements}
    assert weights == {"python": REQUIRED, "terraform": PREFERRED, "helm": PREFERRED}


def test_an_unreadable_posting_never_shows_a_high_match(cat):
    text = ("Requirements:\n- Python\n- Deep knowledge of Frobnicator and QuuxDB\n- Ships FooLang daily\n"
            "- Owns the Zorp2 stack\n")
    result = analyse(cat, text, ["Python"])
    assert result.match == 1.0
    assert result.mostly_unread and result.shown_match < 0.5 and result.caveat
    assert {"QuuxDB", "FooLang", "Zorp2"} <= set(result.unknown_terms)
    assert len(result.unread) == 3


def test_a_requirement_line_that_was_not_read_counts_as_not_met(cat):
    """One line of four names nothing the tool knows: the shown % counts it as a required skill not met
    (3 of 4 required items met, not 3 of 3), and the caveat says so without 'low confidence'."""
    text = "Requirements:\n- Python\n- SQL\n- Docker\n- Deep knowledge of our in-house Frobnicator stack\n"
    result = analyse(cat, text, ["Python", "SQL", "Docker"])
    assert result.match == 1.0
    assert result.shown_match == pytest.approx(0.75)
    assert not result.mostly_unread
    assert result.caveat is not None and result.caveat.startswith("1 of 4 requirement lines names no skill")
    assert analyse(cat, "Requirements:\n- Python\n- SQL\n", ["Python"]).caveat is None


def test_skills_as_people_write_them(run):
    r = run("gap", "mle", "--skills", "Python, Go, Git", "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)["your_skills"]
    assert {"python", "go", "git"} <= set(data["terms"]) and data["not_in_catalogue"] == []
    r = run("gap", "mle", "--skills", "Python, Frobnicate")
    assert r.exit_code == 0 and "not in the catalogue: Frobnicate" in r.stderr


def test_unknown_skills_suggest_only_close_names(cat):
    have = cat.vocabulary.read_skills(["pytorchh", "zzzz"])
    assert have.unknown == ("pytorchh", "zzzz")
    assert "PyTorch" in have.suggestions["pytorchh"] and have.suggestions["zzzz"] == ()


def test_answers_file_skills_keep_unknown_names(cat):
    from aicareer.domain.assessment import check_given

    assert check_given(cat, {"skills": ["Python", "Go", "Frobnicate"]})["skills"] == ("python", "go", "Frobnicate")


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".txt"])
def test_gap_reads_resumes_in_every_format(run, suffix):
    resume = EVAL / "resumes" / f"backend-swe{suffix}"
    r = run("gap", "--job", str(EVAL / "postings" / "04-mlops-engineer.txt"), "--resume", str(resume), "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert {"go", "java", "kubernetes", "terraform"} <= {f["term"] for f in data["your_skills"]["found_in_resume"]}
    assert f"read backend-swe{suffix}" in r.stderr
    assert 0 < data["posting"]["match"] < 1


def test_pdf_docx_and_text_give_the_same_skills(cat):
    voc = cat.vocabulary
    for name in ("backend-swe", "data-scientist", "student"):
        found = {s: voc.from_text(read_input(EVAL / "resumes" / f"{name}{s}").text).terms
                 for s in (".txt", ".pdf", ".docx")}
        assert found[".txt"] == found[".pdf"] == found[".docx"], name


def test_roadmap_job_reads_a_posting(run):
    r = run("roadmap", "-t", "mle", "--skills", "Python, PyTorch, Go", "--job",
            str(EVAL / "postings" / "01-ml-engineer-recommendations.txt"), "--no-save", "--format", "json")
    assert r.exit_code == 0, r.output
    tasks = [t for m in json.loads(r.stdout)["months"] for t in m["tasks"]]
    assert not any(t["id"] == "job-tensorflow" for t in tasks)  # PyTorch/TensorFlow: PyTorch is enough


def test_a_megabyte_posting_is_read_whole(cat):
    """Timing is a benchmark figure (benchmarks/eval/score.py prints it); this checks the result."""
    text = (EVAL / "postings" / "02-ai-engineer-llm-apps.txt").read_text() * 400
    text += "\n".join(f"line {i} with Python and Docker {i}" for i in range(5000)) + "\n- Rust or Go is a plus"
    assert len(text) > 1_000_000
    result = analyse(cat, text)
    assert {"python", "docker", "pgvector", "rust", "go"} <= set(result.term_ids)
    assert result.requirements == analyse(cat, text).requirements


def test_a_bad_vocabulary_overlay_is_reported_with_file_and_line(run, tmp_path):
    (tmp_path / "vocabulary.yaml").write_text(
        "terms:\n  - {id: zig, name: Zig, aliases: [Python], category: nope, skill: nothing, sources: [bogus]}\n")
    r = run("data", "validate", str(tmp_path))
    assert r.exit_code != 0
    for needle in ("vocabulary.yaml:2", "unknown category 'nope'", "no skill 'nothing'", "'Python' already spells"):
        assert needle in r.output, needle


@pytest.mark.parametrize("labels", ["labels.yaml", "holdout/labels.yaml", "holdout2/labels.yaml",
                                    "holdout3/labels.yaml", "holdout4/labels.yaml", "holdout5/labels.yaml",
                                    "holdout6/labels.yaml", "holdout7/labels.yaml",
                                    "holdout8/labels.yaml", "holdout9/labels.yaml",
                                    "holdout10/labels.yaml", "holdout11/labels.yaml"])
def test_each_labelled_set_checks_and_scores(labels):
    """Labels name real ids and phrases (check_labels.py exits 0); the scorer runs. The figures are
    benchmark output, not asserted here."""
    import subprocess
    import sys

    check = subprocess.run([sys.executable, str(EVAL / "check_labels.py"), "--labels", str(EVAL / labels)],
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr
    out = subprocess.run([sys.executable, str(EVAL / "score.py"), "--labels", str(EVAL / labels)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "postings: recall required" in out.stdout and "traps:" in out.stdout


def test_the_text_reader_is_cached_and_a_damaged_entry_is_rebuilt(monkeypatch, tmp_path):
    from aicareer.catalogue.loader import load_catalogue

    monkeypatch.setenv("AICAREER_CACHE_DIR", str(tmp_path / "cache"))
    text = "Python, PyTorch, tokenisation and RAG pipelines on Kubernetes"
    first = load_catalogue(use_cache=False).vocabulary.recogniser.find(text)
    [entry] = (tmp_path / "cache").glob("recogniser-*.marshal")
    assert load_catalogue(use_cache=False).vocabulary.recogniser.find(text) == first
    entry.write_bytes(b"\x00damaged")
    assert load_catalogue(use_cache=False).vocabulary.recogniser.find(text) == first
    assert entry.read_bytes() != b"\x00damaged"  # written again
    # the index of term names, the same way
    assert load_catalogue(use_cache=False).vocabulary.term("K8s").id == "kubernetes"
    [names] = (tmp_path / "cache").glob("termnames-*.marshal")
    names.write_bytes(b"\x00damaged")
    assert load_catalogue(use_cache=False).vocabulary.term("py torch").id == "pytorch"
    assert names.read_bytes() != b"\x00damaged"


def test_a_changed_vocabulary_gets_its_own_text_reader(monkeypatch, tmp_path):
    from aicareer.catalogue.loader import load_catalogue

    monkeypatch.setenv("AICAREER_CACHE_DIR", str(tmp_path / "cache"))
    assert "zig" not in load_catalogue(use_cache=False).vocabulary.recogniser.find("Services in Zig")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "vocabulary.yaml").write_text(
        "terms:\n  - {id: zig, name: Zig, aliases: [ziglang], category: language, sources: [onet-30.3]}\n")
    cat = load_catalogue(tmp_path / "data", use_cache=False)
    assert cat.vocabulary.recogniser.find("Services in Zig") == ["zig"]
    assert len(list((tmp_path / "cache").glob("recogniser-*.marshal"))) == 2


def test_a_proper_noun_in_lower_case_needs_a_technical_word_beside_it(find):
    assert find("We sit at the confluence of agronomy and computer vision") == ["computer-vision"]
    assert find("Docs live in Confluence and Jira") == ["confluence", "jira"]
    assert find("Schedule the jobs with airflow dags") == ["airflow"]


def test_a_clinical_gcp_is_not_google_cloud(find):
    assert find("Knowledge of ICH E6 GCP") == ["medical-device-regulation"]
    assert "gcp" in find("Deploy on GCP with Terraform")


def test_a_heading_in_capitals_is_not_a_list_of_unknown_acronyms(cat):
    text = ("DATA ANALYST II - SERVICE PLANNING\nRequirements:\n- Python and SQL\n- Experience with HASTUS and VMS data\n")
    result = analyse(cat, text, ["Python"])
    assert {"HASTUS", "VMS"} <= set(result.unknown_terms)
    assert not {"DATA", "ANALYST", "SERVICE", "PLANNING"} & set(result.unknown_terms)


def test_what_a_resume_says_is_still_being_learned_is_no_skill(cat):
    text = "Skills: Python, SQL\nCurrently learning: PyTorch and LLM evaluation\n- Now learning Rust\n"
    found = cat.vocabulary.from_text(text).terms
    assert {"python", "sql"} <= found
    assert not {"pytorch", "llm-evals", "rust"} & found
    assert "pytorch" in cat.vocabulary.from_text("Shipped models in PyTorch; learning rate schedules\n").terms


def test_the_vocabulary_passes_its_build_check():
    """tools/build_vocabulary.py (schema, unique spellings, sources, O*NET names where the file is
    present) exits 0 on the committed vocabulary: a key the loader accepts must be one it knows."""
    import subprocess
    import sys

    tool = Path(__file__).resolve().parents[1] / "tools" / "build_vocabulary.py"
    run = subprocess.run([sys.executable, str(tool)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "problem:" not in run.stdout
