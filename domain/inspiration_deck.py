"""The built-in inspiration cards: the deck an organisation starts with, in nl and en.

Seed 000 names the kinds: hard skills are "functionele of technische
competenties" (a programming language, a framework), soft skills "persoonlijke,
emotionele en sociale vaardigheden" (communication, assertiveness, giving and
accepting feedback). Each example is a small user story with actions of the
kind the seed suggests: "een cursus volgen, een boek lezen, een webinar volgen,
een collega een uurtje observeren of een dagje jobshadowing".
"""

from __future__ import annotations

from domain.inspiration_cards import InspirationCard, built_in_card_id

# slug, kind, Dutch title, English title, Dutch example, English example
_CARDS = (
    (
        "feedback",
        "soft",
        "Feedback geven en ontvangen",
        "Giving and receiving feedback",
        "Ik wil feedback geven en ontvangen, om samen met mijn team beter te worden. "
        "Acties: na elke sprint één collega om feedback vragen; een boek over feedback lezen.",
        "I want to give and receive feedback, in order to get better together with my team. "
        "Actions: ask one colleague for feedback after every sprint; read a book on feedback.",
    ),
    (
        "presenting",
        "soft",
        "Presenteren",
        "Presenting",
        "Ik wil vlot presenteren, om mijn werk helder te tonen op de show & tell. "
        "Acties: een workshop presenteren volgen; elke maand een korte demo geven.",
        "I want to present with ease, in order to show my work clearly at the show & tell. "
        "Actions: take a presentation workshop; give a short demo every month.",
    ),
    (
        "assertiveness",
        "soft",
        "Assertief zijn",
        "Being assertive",
        "Ik wil duidelijk zeggen wat ik denk en nodig heb, om mijn werk beter te plannen. "
        "Acties: een training assertiviteit volgen; in overleg als eerste mijn mening geven.",
        "I want to say clearly what I think and need, in order to plan my work better. "
        "Actions: take an assertiveness course; give my view first in meetings.",
    ),
    (
        "teamwork",
        "soft",
        "Samenwerken in een team",
        "Working in a team",
        "Ik wil beter samenwerken, om taken vlotter met collega's te verdelen. "
        "Acties: een dag meelopen met een ander team; samen een retrospective leiden.",
        "I want to work better with others, in order to share tasks more smoothly. "
        "Actions: spend a day with another team; lead a retrospective together.",
    ),
    (
        "priorities",
        "soft",
        "Prioriteiten stellen en timemanagement",
        "Setting priorities and managing time",
        "Ik wil mijn tijd beter indelen, om de belangrijkste taken eerst af te werken. "
        "Acties: een webinar timemanagement volgen; elke week mijn planning met mijn "
        "leidinggevende overlopen.",
        "I want to plan my time better, in order to finish the most important tasks first. "
        "Actions: follow a webinar on time management; go over my week with my manager.",
    ),
    (
        "coaching",
        "soft",
        "Een collega coachen",
        "Coaching a colleague",
        "Ik wil een nieuwe collega begeleiden, om mijn kennis te delen. "
        "Acties: peter of meter worden; een boek over coachen lezen.",
        "I want to guide a new colleague, in order to share what I know. "
        "Actions: become a mentor; read a book on coaching.",
    ),
    (
        "programming-language",
        "hard",
        "Een nieuwe programmeertaal leren",
        "Learning a new programming language",
        "Ik wil een nieuwe programmeertaal leren, om mee te bouwen aan het nieuwe platform. "
        "Acties: een online cursus volgen; een klein project in die taal afwerken.",
        "I want to learn a new programming language, in order to help build the new platform. "
        "Actions: take an online course; finish a small project in that language.",
    ),
    (
        "framework",
        "hard",
        "Een framework onder de knie krijgen",
        "Mastering a framework",
        "Ik wil het framework van ons team grondig kennen, om zelfstandig nieuwe functies "
        "te bouwen. Acties: de documentatie doornemen; een collega een uurtje observeren.",
        "I want to know our team's framework well, in order to build new features on my own. "
        "Actions: work through its documentation; watch a colleague at work for an hour.",
    ),
    (
        "testing",
        "hard",
        "Tests automatiseren",
        "Automating tests",
        "Ik wil tests automatiseren, om fouten vroeger te vinden. "
        "Acties: een webinar over testautomatisering volgen; de tests van één module schrijven.",
        "I want to automate tests, in order to find mistakes earlier. "
        "Actions: follow a webinar on test automation; write the tests of one module.",
    ),
    (
        "data",
        "hard",
        "Werken met data (spreadsheets, SQL)",
        "Working with data (spreadsheets, SQL)",
        "Ik wil zelf cijfers opvragen en verwerken, om beslissingen te onderbouwen. "
        "Acties: een cursus SQL volgen; één rapport zelf opbouwen.",
        "I want to query and process figures myself, in order to support decisions. "
        "Actions: take an SQL course; build one report myself.",
    ),
    (
        "agile",
        "hard",
        "Werken met scrum of kanban",
        "Working with scrum or kanban",
        "Ik wil scrum en kanban in de praktijk toepassen, om ons werk zichtbaar te maken. "
        "Acties: een boek over scrum lezen; een dagje jobshadowing bij een scrumteam.",
        "I want to apply scrum and kanban in practice, in order to make our work visible. "
        "Actions: read a book on scrum; a job-shadowing day with a scrum team.",
    ),
    (
        "privacy",
        "hard",
        "Veilig omgaan met persoonsgegevens",
        "Handling personal data safely",
        "Ik wil de regels voor persoonsgegevens kennen, om klantgegevens veilig te verwerken. "
        "Acties: de e-learning over de AVG volgen; onze werkwijze met de DPO overlopen.",
        "I want to know the rules for personal data, in order to handle customers' data "
        "safely. Actions: take the GDPR e-learning; go over our way of working with the DPO.",
    ),
)


def built_in_cards() -> list[InspirationCard]:
    """The built-in set, soft skills first as the seed's example of feedback comes first."""
    return [
        InspirationCard(
            id=built_in_card_id(slug),
            kind=kind,
            title_nl=title_nl,
            title_en=title_en,
            example_nl=example_nl,
            example_en=example_en,
            retired=False,
        )
        for slug, kind, title_nl, title_en, example_nl, example_en in _CARDS
    ]
