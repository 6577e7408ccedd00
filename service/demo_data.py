"""The demo organisation: Dutch names, two teams, cycles in every stage.

Loaded by `groeispurt demo` through the use cases, exactly as people would
create it, so the demo's events are the same as real ones.
"""

from __future__ import annotations

PASSWORD = "groeispurt-demo"

ADMIN = {
    "name": "Bram Beheer",
    "email": "admin@demo.groeispurt.nl",
    "function": "Applicatiebeheerder",
    "team": "Staf",
    "start_date": "2018-01-08",
}
HR = {
    "name": "Hanna de Vries",
    "email": "hr@demo.groeispurt.nl",
    "function": "HR-adviseur",
    "team": "Staf",
    "start_date": "2017-05-01",
}

MANAGERS = [
    {
        "name": "Marieke Jansen",
        "email": "marieke@demo.groeispurt.nl",
        "function": "Teamleider Dienstverlening",
        "team": "Dienstverlening",
        "start_date": "2015-02-01",
    },
    {
        "name": "Pieter Claes",
        "email": "pieter@demo.groeispurt.nl",
        "function": "Teamleider ICT",
        "team": "ICT",
        "start_date": "2016-09-01",
    },
]

# (manager index, person, the stage their cycle is brought to)
EMPLOYEES = [
    (
        0,
        {
            "name": "Sanne de Boer",
            "email": "sanne@demo.groeispurt.nl",
            "function": "Klantadviseur",
            "start_date": "2021-04-01",
            "development_phase": "vakvolwassen",
        },
        "on_board",
    ),
    (
        0,
        {
            "name": "Daan Peeters",
            "email": "daan@demo.groeispurt.nl",
            "function": "Klantadviseur",
            "start_date": "2023-01-09",
            "development_phase": "junior",
        },
        "preparing",
    ),
    (
        0,
        {
            "name": "Fatima El Amrani",
            "email": "fatima@demo.groeispurt.nl",
            "function": "Vergunningverlener",
            "start_date": "2019-06-01",
            "development_phase": "senior",
        },
        "plan_agreed",
    ),
    (
        0,
        {
            "name": "Lotte Maes",
            "email": "lotte@demo.groeispurt.nl",
            "function": "Vergunningverlener",
            "start_date": "2022-03-14",
            "development_phase": "vakvolwassen",
        },
        "plan_waiting",
    ),
    (
        0,
        {
            "name": "Jeroen Willems",
            "email": "jeroen@demo.groeispurt.nl",
            "function": "Klantadviseur",
            "start_date": "2020-10-01",
            "development_phase": "vakvolwassen",
        },
        "follow_up_overdue",
    ),
    (
        1,
        {
            "name": "Noah Vermeulen",
            "email": "noah@demo.groeispurt.nl",
            "function": "Ontwikkelaar",
            "start_date": "2022-08-15",
            "development_phase": "vakvolwassen",
        },
        "completed",
    ),
    (
        1,
        {
            "name": "Emma Dubois",
            "email": "emma@demo.groeispurt.nl",
            "function": "Ontwikkelaar",
            "start_date": "2024-02-01",
            "development_phase": "junior",
        },
        "session_held",
    ),
    (
        1,
        {
            "name": "Yusuf Kaya",
            "email": "yusuf@demo.groeispurt.nl",
            "function": "Systeembeheerder",
            "start_date": "2018-11-01",
            "development_phase": "senior",
        },
        "follow_up_scheduled",
    ),
    (
        1,
        {
            "name": "Lisa Hendriks",
            "email": "lisa@demo.groeispurt.nl",
            "function": "Ontwikkelaar",
            "start_date": "2021-01-11",
            "development_phase": "vakvolwassen",
        },
        "prepared",
    ),
    (
        1,
        {
            "name": "Tom Bakker",
            "email": "tom@demo.groeispurt.nl",
            "function": "Informatieanalist",
            "start_date": "2020-05-04",
            "development_phase": "senior",
        },
        "closed",
    ),
]

HARD_SKILLS = {
    "Klantadviseur": [
        ("Gesprekstechnieken aan de balie", "klanten sneller helpen"),
        ("Zaaksysteem beheersen", "dossiers zonder fouten afhandelen"),
    ],
    "Vergunningverlener": [
        ("Omgevingswet toepassen", "vergunningen juridisch sterk onderbouwen"),
        ("Digitaal dossierbeheer", "sneller beslissen"),
    ],
    "Ontwikkelaar": [
        ("Python en SQL", "betere rapportages bouwen"),
        ("Toegankelijk webdesign", "alle inwoners bereiken"),
    ],
    "Systeembeheerder": [
        ("Cloudbeheer", "de migratie leiden"),
        ("Informatiebeveiliging", "risico's verkleinen"),
    ],
    "Informatieanalist": [
        ("Datavisualisatie", "beleid onderbouwen met cijfers"),
        ("Procesmodellering", "knelpunten zichtbaar maken"),
    ],
}
# A team leader's own hard skills: she grows too, and shows it.
LEADER_SKILLS = [
    ("Coachend leidinggeven", "mijn team zelfstandiger laten werken"),
    ("Werken met teamdata", "keuzes onderbouwen met cijfers"),
]

SOFT_SKILLS = [
    ("Feedback geven en ontvangen", "samen beter worden"),
    ("Presenteren", "mijn werk zichtbaar maken"),
    ("Assertiviteit", "duidelijker grenzen aangeven"),
]

# HR's company backlog, most important first.
BACKLOG = [
    {
        "kind": "hard",
        "horizon": "now",
        "description": "Omgevingswet toepassen",
        "inspiration": "Sinds de invoering van de Omgevingswet verandert elke vergunningaanvraag.",
    },
    {
        "kind": "hard",
        "horizon": "future",
        "description": "Werken met data en AI",
        "inspiration": "Digitalisering verandert het werk van ieder team.",
    },
    {
        "kind": "soft",
        "horizon": "now",
        "description": "Feedback geven en ontvangen",
        "inspiration": "Samen beter worden begint bij eerlijke, vriendelijke feedback.",
    },
    {
        "kind": "soft",
        "horizon": "future",
        "description": "Eigen regie over de loopbaan",
        "inspiration": "Bewust, bekwaam en bereid om te blijven leren.",
    },
    {
        "kind": "hard",
        "horizon": "now",
        "description": "Informatiebeveiliging",
        "inspiration": "Elke medewerker gaat veilig om met gegevens van inwoners.",
    },
]

# Answers to some of the built-in questions (domain/question_set.py), by question id:
# the employee's, and the manager's about the employee.
EMPLOYEE_ANSWERS = {
    "opening-work": "Met plezier: het werk is afwisselend en het team helpt elkaar.",
    "strengths-compliments": "Dat ik rustig blijf als een inwoner boos is: ik kan goed luisteren.",
    "strengths-whistling": "Als een lastige aanvraag rond is en de inwoner tevreden naar huis gaat.",
    "ambitions-where": "Verder groeien in mijn vak; over een paar jaar wil ik collega's inwerken.",
    "ambitions-actions": "Een cursus volgen en een dag meelopen met een ervaren collega.",
}
MANAGER_ANSWERS = {
    "opening-work": "Betrokken en gemotiveerd; soms te veel hooi op de vork.",
    "strengths-compliments": "Inwoners noemen vaak de duidelijke uitleg.",
    "manager-qualities": "Sterk in klantcontact; ontwikkelpunt: werk plannen en prioriteren.",
    "manager-growth-opportunities": "Op termijn een rol als werkbegeleider van nieuwe collega's.",
}
# Another wording of a skill already on the backlog, as two teams asked for it: HR's
# backlog page suggests merging it into "Feedback geven en ontvangen".
TWIN_SKILL = {
    "kind": "soft",
    "horizon": "now",
    "description": "Groeien in feedback geven en ontvangen",
    "inspiration": "Gevraagd door team ICT.",
}
# An inspiration card HR added to the built-in ones.
INSPIRATION_CARD = {
    "kind": "hard",
    "title_nl": "Werken met de Omgevingswet-loket",
    "title_en": "Working with the Omgevingswet desk",
    "example_nl": "Ik wil vlot werken met het Omgevingsloket, om aanvragen sneller te behandelen. "
    "Acties: een dagje meelopen met een collega van Vergunningen.",
    "example_en": "I want to work with the Omgevingsloket with ease, in order to handle "
    "applications faster. Actions: spend a day with a colleague of Permits.",
}
# A skill HR adds after the sessions; a board card of this person is linked to it, and HR
# rewords it and moves it up since, which their follow-up shows.
LINKED_SKILL = {
    "kind": "hard",
    "horizon": "future",
    "description": "Cloud en infrastructuur",
    "inspiration": "De diensten verhuizen naar de cloud.",
}
LINKED_CARD = "yusuf@demo.groeispurt.nl"
LINKED_REWORDED = "Cloudbeheer en infrastructuur"
