"""Demo content of the casepages app: the cases section, the campaign themes and the
case of Ahmadreza Djalali, in en, nl and fr.

The facts of the case (names, dates, places, figures) come from public reporting; the
wording is ours. The sources point at the publishers' home pages, not at invented
deep links.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images.models import Image

from casepages.choices import CaseStatus, DatePrecision, TimelineEventKind
from casepages.models import CaseIndexPage, PrisonerCasePage, Theme
from example_site.demo import Catalogue, DemoContext, stream, translate, upsert_page

PORTRAIT_TITLE = "Demo portrait placeholder: Ahmadreza Djalali"
DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
K = TimelineEventKind


def load(ctx: DemoContext) -> None:
    """Build the cases section, the themes and the demo case."""
    t = ctx.catalogue
    targets = [ctx.locales["nl"], ctx.locales["fr"]]
    index = upsert_page(
        ctx.home,
        CaseIndexPage,
        slug=t("cases", nl="zaken", fr="affaires"),
        title=t("Prisoner cases", nl="Gevangenen", fr="Prisonniers"),
        intro=t.paragraphs(
            t(
                "The people we campaign for, their story and where their case stands today.",
                nl="De mensen voor wie we actievoeren, hun verhaal en hoe hun zaak er vandaag voor staat.",
                fr="Les personnes pour qui nous faisons campagne, leur histoire et l'état actuel de leur dossier.",
            )
        ),
        show_in_menus=True,
    )
    translate(index, t, targets)
    ctx.pages["cases"] = index

    themes = load_themes(ctx)
    # The actions demo reuses the themes: by slug here, or from the database.
    ctx.themes = themes  # type: ignore[attr-defined]

    page = load_djalali(ctx, index)
    page.themes.set(
        [
            themes[slug]
            for slug in ("death-penalty", "academic-freedom", "unfair-trial", "torture")
        ]
    )
    page.save_revision().publish()
    page.refresh_from_db()
    translate(page, t, targets)
    ctx.pages["case:djalali"] = page


def load_themes(ctx: DemoContext) -> dict[str, Theme]:
    """The five demo themes in English, translated into nl and fr.

    Returns:
        The English themes by English slug.
    """
    t = ctx.catalogue
    definitions = [
        (
            t("death-penalty", nl="doodstraf", fr="peine-de-mort"),
            t("Death penalty", nl="Doodstraf", fr="Peine de mort"),
            t(
                "People sentenced to death or at risk of execution.",
                nl="Mensen die ter dood veroordeeld zijn of terechtgesteld dreigen te worden.",
                fr="Personnes condamnées à mort ou menacées d’exécution.",
            ),
        ),
        (
            t("academic-freedom", nl="academische-vrijheid", fr="liberte-academique"),
            t("Academic freedom", nl="Academische vrijheid", fr="Liberté académique"),
            t(
                "Scholars and students punished for their research, teaching or international contacts.",
                nl="Wetenschappers en studenten die gestraft worden voor hun onderzoek, hun onderwijs of hun internationale contacten.",
                fr="Chercheurs, enseignants et étudiants punis pour leurs recherches, leurs cours ou leurs contacts internationaux.",
            ),
        ),
        (
            t("unfair-trial", nl="oneerlijk-proces", fr="proces-inequitable"),
            t("Unfair trial", nl="Oneerlijk proces", fr="Procès inéquitable"),
            t(
                "Trials without a lawyer of one’s choice, access to the file or a public hearing.",
                nl="Processen zonder advocaat naar keuze, zonder inzage in het dossier of zonder openbare zitting.",
                fr="Procès sans avocat choisi, sans accès au dossier ou sans audience publique.",
            ),
        ),
        (
            t("torture", nl="foltering", fr="torture"),
            t("Torture", nl="Foltering", fr="Torture"),
            t(
                "Torture and ill-treatment in custody, including forced confessions and prolonged solitary confinement.",
                nl="Foltering en mishandeling in detentie, ook gedwongen bekentenissen en langdurige eenzame opsluiting.",
                fr="Torture et mauvais traitements en détention, y compris les aveux forcés et l’isolement prolongé.",
            ),
        ),
        (
            t(
                "freedom-of-expression",
                nl="vrijheid-van-meningsuiting",
                fr="liberte-d-expression",
            ),
            t(
                "Freedom of expression",
                nl="Vrijheid van meningsuiting",
                fr="Liberté d’expression",
            ),
            t(
                "People jailed for what they said, wrote, published or shared.",
                nl="Mensen die opgesloten worden om wat ze zeiden, schreven, publiceerden of deelden.",
                fr="Personnes emprisonnées pour ce qu’elles ont dit, écrit, publié ou partagé.",
            ),
        ),
    ]
    themes = {}
    for slug, name, description in definitions:
        theme = Theme.objects.filter(locale=ctx.locales["en"], slug=slug).first()
        if theme is None:
            theme = Theme(locale=ctx.locales["en"], slug=slug)
        theme.name = name
        theme.description = description
        theme.save()
        translate(theme, t, [ctx.locales["nl"], ctx.locales["fr"]])
        themes[slug] = theme
    return themes


def demo_portrait() -> Image:
    """A generated placeholder portrait (initials on grey), created once.

    The demo ships no photo of a real person; this stands in for one.
    """
    existing = Image.objects.filter(title=PORTRAIT_TITLE).first()
    if existing is not None:
        return existing
    picture = PillowImage.new("RGB", (480, 600), (92, 102, 112))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((140, 110, 340, 310), fill=(200, 204, 208))
    draw.rounded_rectangle((90, 340, 390, 600), radius=90, fill=(200, 204, 208))
    draw.text((222, 200), "AD", fill=(40, 44, 48))
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(
        title=PORTRAIT_TITLE,
        file=ImageFile(buffer, name="demo-portrait-djalali.png"),
    )


def event(
    date: str, precision: str, kind: str, title: str, text: str
) -> dict[str, str]:
    """The raw value of one timeline event."""
    return {
        "date": date,
        "date_precision": precision,
        "kind": kind,
        "title": title,
        "text": text,
    }


def source(title: str, publisher: str, url: str, date: str | None = None) -> dict:
    """The raw value of one source."""
    return {"title": title, "publisher": publisher, "url": url, "date": date}


def update(date: str, precision: str, text: str) -> dict[str, str]:
    """The raw value of one case update."""
    return {"date": date, "date_precision": precision, "text": text}


def load_djalali(ctx: DemoContext, index: CaseIndexPage) -> PrisonerCasePage:
    """The English case page of Ahmadreza Djalali, created or updated in place."""
    t = ctx.catalogue
    page = upsert_page(
        index,
        PrisonerCasePage,
        slug=t("ahmadreza-djalali", nl="ahmadreza-djalali", fr="ahmadreza-djalali"),
        title=t("Ahmadreza Djalali", nl="Ahmadreza Djalali", fr="Ahmadreza Djalali"),
        name_original_script="احمدرضا جلالی",
        portrait=demo_portrait(),
        portrait_alt_text=t(
            "Placeholder portrait: a grey silhouette marked with the initials AD.",
            nl="Tijdelijk portret: een grijs silhouet met de initialen AD.",
            fr="Portrait provisoire : une silhouette grise portant les initiales AD.",
        ),
        photo_credit=t(
            "Placeholder image made for the demo",
            nl="Voorlopige afbeelding gemaakt voor de demo",
            fr="Image provisoire créée pour la démo",
        ),
        born_on="1971-09-15",
        nationalities=["IR", "SE"],
        occupation=t(
            "Disaster medicine doctor, lecturer and researcher",
            nl="Arts in de rampengeneeskunde, docent en onderzoeker",
            fr="Médecin spécialiste de la médecine de catastrophe, enseignant et chercheur",
        ),
        country_of_detention="IR",
        status=CaseStatus.SENTENCED_TO_DEATH,
        # The sources give the month of the arrest, not the day.
        detained_since="2016-04-01",
        place_of_detention=t(
            "Evin prison, Tehran",
            nl="Evin-gevangenis, Teheran",
            fr="Prison d’Evin, Téhéran",
        ),
        charges=t(
            "Espionage and collaboration with Israel, prosecuted as “corruption on earth” (ifsad fil-arz). [1] [3]",
            nl="Spionage en samenwerking met Israël, vervolgd als “verderf op aarde” (ifsad fil-arz). [1] [3]",
            fr="Espionnage et collaboration avec Israël, poursuivis au titre de la « corruption sur terre » (ifsad fil-arz). [1] [3]",
        ),
        sentence=t(
            "Death, pronounced on 21 October 2017 and confirmed by the Supreme Court in December 2017 without hearing the defence. [1] [13]",
            nl="De doodstraf, uitgesproken op 21 oktober 2017 en in december 2017 door het Hooggerechtshof bevestigd zonder de verdediging te horen. [1] [13]",
            fr="La peine de mort, prononcée le 21 octobre 2017 et confirmée par la Cour suprême en décembre 2017 sans que la défense soit entendue. [1] [13]",
        ),
        summary=t(
            "A Swedish-Iranian emergency medicine researcher who taught in Sweden, Italy and Belgium. Arrested during a work visit to Iran in April 2016, he was sentenced to death for espionage after a trial the UN calls arbitrary, and his health is failing.",
            nl="Een Zweeds-Iraanse onderzoeker in de rampengeneeskunde die lesgaf in Zweden, Italië en België. Hij werd in april 2016 tijdens een werkbezoek aan Iran opgepakt en na een proces dat de VN willekeurig noemt ter dood veroordeeld voor spionage. Zijn gezondheid gaat achteruit.",
            fr="Chercheur suédo-iranien en médecine de catastrophe, il a enseigné en Suède, en Italie et en Belgique. Arrêté lors d’une visite de travail en Iran en avril 2016, il a été condamné à mort pour espionnage à l’issue d’un procès que l’ONU juge arbitraire, et sa santé se dégrade.",
        ),
        body=stream("case:djalali:body", body_blocks(t)),
        timeline=stream("case:djalali:timeline", timeline_events(t)),
        sources=stream("case:djalali:sources", sources(t)),
        updates=stream("case:djalali:updates", updates(t)),
    )
    return page


def body_blocks(t: Catalogue) -> list[tuple[str, object]]:
    """The body of the case: who he is, the arrest and trial, health, the response."""
    return [
        ("heading", t("Who he is", nl="Wie hij is", fr="Qui il est")),
        (
            "paragraph",
            t.paragraphs(
                t(
                    "Ahmadreza Djalali, born in 1971, is a physician who specialises in medicine for disasters and emergencies. He earned his doctorate at the Karolinska Institute in Stockholm and went on to teach and do research at universities in Novara, Italy, and at the Vrije Universiteit Brussel. He also worked with Iranian universities and with colleagues across the world. [2]",
                    nl="Ahmadreza Djalali, geboren in 1971, is arts en gespecialiseerd in geneeskunde bij rampen en noodsituaties. Hij promoveerde aan het Karolinska Instituut in Stockholm en gaf daarna les en deed onderzoek aan universiteiten in het Italiaanse Novara en aan de Vrije Universiteit Brussel. Hij werkte ook samen met Iraanse universiteiten en met collega’s over de hele wereld. [2]",
                    fr="Né en 1971, Ahmadreza Djalali est médecin, spécialiste de la médecine de catastrophe et d’urgence. Docteur de l’Institut Karolinska de Stockholm, il a ensuite enseigné et mené des recherches dans des universités à Novare, en Italie, et à la Vrije Universiteit Brussel. Il collaborait aussi avec des universités iraniennes et avec des collègues du monde entier. [2]",
                )
            ),
        ),
        (
            "heading",
            t(
                "Arrest, trial and sentence",
                nl="Arrestatie, proces en vonnis",
                fr="Arrestation, procès et condamnation",
            ),
        ),
        (
            "paragraph",
            t.paragraphs(
                t(
                    "Invited to Iran by the universities of Tehran and Shiraz, he was detained in April 2016 by agents of the Ministry of Intelligence, who showed no warrant. For ten days his family did not know where he was held. He then spent seven months in section 209 of Evin prison, three of them alone in a cell. [1] [2]",
                    nl="Hij was door de universiteiten van Teheran en Shiraz naar Iran uitgenodigd toen agenten van het ministerie van Inlichtingen hem in april 2016 zonder arrestatiebevel oppakten. Tien dagen lang wist zijn familie niet waar hij vastzat. Daarna zat hij zeven maanden in afdeling 209 van de Evin-gevangenis, waarvan drie maanden in eenzame opsluiting. [1] [2]",
                    fr="Invité en Iran par les universités de Téhéran et de Chiraz, il a été arrêté en avril 2016 par des agents du ministère du Renseignement, sans mandat. Pendant dix jours, sa famille a ignoré où il était détenu. Il a ensuite passé sept mois dans la section 209 de la prison d’Evin, dont trois à l’isolement. [1] [2]",
                ),
                t(
                    "A Revolutionary Court in Tehran sentenced him to death on 21 October 2017. His lawyer had been kept out of the hearing and he never saw the evidence against him. [3] [1]",
                    nl="Een Revolutionaire Rechtbank in Teheran veroordeelde hem op 21 oktober 2017 ter dood. Zijn advocaat mocht de zitting niet bijwonen en hij kreeg het bewijs tegen hem nooit te zien. [3] [1]",
                    fr="Un tribunal révolutionnaire de Téhéran l’a condamné à mort le 21 octobre 2017. Son avocat avait été écarté de l’audience et il n’a jamais vu les preuves retenues contre lui. [3] [1]",
                ),
            ),
        ),
        ("heading", t("His health", nl="Zijn gezondheid", fr="Sa santé")),
        (
            "paragraph",
            t.paragraphs(
                t(
                    "Tests in 2018 found a low white blood cell count. A prison doctor asked in 2019 for him to see a haematologist in hospital; the authorities refused, and the follow-up never took place. He is reported to weigh 24 kg less than at his arrest. The World Medical Association has told the Iranian authorities that his treatment breaches medical ethics. [6] [7]",
                    nl="Bloedonderzoek wees in 2018 op een laag aantal witte bloedcellen. Een gevangenisarts vroeg in 2019 om een onderzoek door een hematoloog in het ziekenhuis; de autoriteiten weigerden en de nodige opvolging kwam er nooit. Hij zou 24 kg lichter zijn dan bij zijn arrestatie. De World Medical Association schreef de Iraanse autoriteiten dat zijn behandeling ingaat tegen de medische ethiek. [6] [7]",
                    fr="Des analyses de 2018 ont révélé un faible taux de globules blancs. En 2019, un médecin de la prison a demandé qu’il soit vu par un hématologue à l’hôpital ; les autorités ont refusé et le suivi n’a jamais eu lieu. Il aurait perdu 24 kg depuis son arrestation. L’Association médicale mondiale a écrit aux autorités iraniennes que ses conditions de détention violent l’éthique médicale. [6] [7]",
                )
            ),
        ),
        (
            "heading",
            t(
                "The international response",
                nl="De internationale reactie",
                fr="La réaction internationale",
            ),
        ),
        (
            "paragraph",
            t.paragraphs(
                t(
                    "In its opinion 92/2017, the UN Working Group on Arbitrary Detention found that holding him breaks the Universal Declaration of Human Rights and the International Covenant on Civil and Political Rights, and asked for his immediate release with compensation. UN experts repeated that call in February 2018. [4] [5]",
                    nl="In advies 92/2017 stelde de VN-werkgroep inzake willekeurige detentie vast dat zijn gevangenschap de Universele Verklaring van de Rechten van de Mens en het Internationaal Verdrag inzake burgerrechten en politieke rechten schendt, en vroeg ze zijn onmiddellijke vrijlating met schadevergoeding. VN-experts herhaalden die oproep in februari 2018. [4] [5]",
                    fr="Dans son avis 92/2017, le Groupe de travail de l’ONU sur la détention arbitraire a conclu que sa détention viole la Déclaration universelle des droits de l’homme et le Pacte international relatif aux droits civils et politiques, et a demandé sa libération immédiate avec réparation. Des experts de l’ONU ont renouvelé cet appel en février 2018. [4] [5]",
                ),
                t(
                    "In December 2018, 121 Nobel laureates wrote to Ayatollah Ali Khamenei asking for medical care and his release. Universities in Belgium, Italy and Sweden, the European University Association and Scholars at Risk have written to the Iranian authorities, and the Flemish universities put their cooperation with Iranian institutions on hold. [8] [9] [10] [11] [12]",
                    nl="In december 2018 schreven 121 Nobelprijswinnaars aan ayatollah Ali Khamenei om medische zorg en zijn vrijlating te vragen. Universiteiten in België, Italië en Zweden, de European University Association en Scholars at Risk schreven de Iraanse autoriteiten aan, en de Vlaamse universiteiten legden hun samenwerking met Iraanse instellingen stil. [8] [9] [10] [11] [12]",
                    fr="En décembre 2018, 121 lauréats du prix Nobel ont écrit à l’ayatollah Ali Khamenei pour demander des soins et sa libération. Des universités de Belgique, d’Italie et de Suède, l’Association européenne des universités et Scholars at Risk ont écrit aux autorités iraniennes, et les universités flamandes ont suspendu leur coopération avec les institutions iraniennes. [8] [9] [10] [11] [12]",
                ),
            ),
        ),
    ]


def timeline_events(t: Catalogue) -> list[tuple[str, dict]]:
    """From the arrest in April 2016 to the latest news of March 2020."""
    events = [
        event(
            "2016-04-01",
            MONTH,
            K.ARREST,
            t(
                "Arrested during a visit to Iran",
                nl="Opgepakt tijdens een bezoek aan Iran",
                fr="Arrêté lors d’un séjour en Iran",
            ),
            t(
                "Agents of the Ministry of Intelligence detain him without a warrant while he is in Iran at the invitation of the universities of Tehran and Shiraz. His family learns only ten days later where he is. [1] [2]",
                nl="Agenten van het ministerie van Inlichtingen pakken hem zonder arrestatiebevel op terwijl hij op uitnodiging van de universiteiten van Teheran en Shiraz in Iran is. Pas tien dagen later hoort zijn familie waar hij is. [1] [2]",
                fr="Des agents du ministère du Renseignement l’arrêtent sans mandat alors qu’il séjourne en Iran à l’invitation des universités de Téhéran et de Chiraz. Sa famille n’apprend que dix jours plus tard où il se trouve. [1] [2]",
            ),
        ),
        event(
            "2016-04-01",
            MONTH,
            K.CHARGE,
            t(
                "Accused of spying for Israel",
                nl="Beschuldigd van spionage voor Israël",
                fr="Accusé d’espionnage au profit d’Israël",
            ),
            t(
                "About two weeks after the arrest he is accused of espionage and collaboration with Israel, on the strength of a letter said to come from his wife. [1]",
                nl="Zowat twee weken na zijn arrestatie wordt hij beschuldigd van spionage en samenwerking met Israël, op basis van een brief die van zijn vrouw zou komen. [1]",
                fr="Environ deux semaines après son arrestation, il est accusé d’espionnage et de collaboration avec Israël, sur la foi d’une lettre que son épouse aurait écrite. [1]",
            ),
        ),
        event(
            "2016-04-01",
            MONTH,
            K.TRANSFER,
            t(
                "Moved to section 209 of Evin prison",
                nl="Overgebracht naar afdeling 209 van de Evin-gevangenis",
                fr="Transféré dans la section 209 de la prison d’Evin",
            ),
            t(
                "After about a week in an unknown place he is taken to section 209 of Evin prison. He stays there seven months, the first three in solitary confinement and the rest in partial isolation. [1]",
                nl="Na ongeveer een week op een onbekende plek wordt hij naar afdeling 209 van de Evin-gevangenis gebracht. Hij blijft er zeven maanden, de eerste drie in eenzame opsluiting en daarna gedeeltelijk afgezonderd. [1]",
                fr="Après environ une semaine dans un lieu inconnu, il est conduit dans la section 209 de la prison d’Evin. Il y reste sept mois, les trois premiers à l’isolement complet, les suivants en isolement partiel. [1]",
            ),
        ),
        event(
            "2017-01-31",
            DAY,
            K.CHARGE,
            t(
                "Formally charged before the Revolutionary Court",
                nl="Formeel aangeklaagd voor de Revolutionaire Rechtbank",
                fr="Inculpé devant le tribunal révolutionnaire",
            ),
            t(
                "Branch 15 of the Revolutionary Court in Tehran charges him with espionage and warns him that he may face the death penalty. His lawyer is kept out and he cannot read his case file. [3]",
                nl="Kamer 15 van de Revolutionaire Rechtbank in Teheran klaagt hem aan voor spionage en waarschuwt dat hij de doodstraf riskeert. Zijn advocaat wordt geweerd en hij mag zijn dossier niet inzien. [3]",
                fr="La 15e chambre du tribunal révolutionnaire de Téhéran l’inculpe d’espionnage et l’avertit qu’il encourt la peine de mort. Son avocat est tenu à l’écart et il ne peut pas consulter son dossier. [3]",
            ),
        ),
        event(
            "2017-09-18",
            DAY,
            K.INTERNATIONAL_RESPONSE,
            t(
                "UN working group writes to Iran",
                nl="VN-werkgroep schrijft Iran aan",
                fr="Le groupe de travail de l’ONU écrit à l’Iran",
            ),
            t(
                "The UN Working Group on Arbitrary Detention sends the allegations to the Iranian government and asks for its comments. None come. [4]",
                nl="De VN-werkgroep inzake willekeurige detentie legt de klachten voor aan de Iraanse regering en vraagt om een reactie. Die komt er niet. [4]",
                fr="Le Groupe de travail de l’ONU sur la détention arbitraire transmet les allégations au gouvernement iranien et lui demande ses observations. Il n’en reçoit aucune. [4]",
            ),
        ),
        event(
            "2017-10-21",
            DAY,
            K.SENTENCE,
            t("Sentenced to death", nl="Ter dood veroordeeld", fr="Condamné à mort"),
            t(
                "He is sentenced to death for “corruption on earth” and kept in Evin prison. [1]",
                nl="Hij wordt ter dood veroordeeld wegens “verderf op aarde” en blijft in de Evin-gevangenis. [1]",
                fr="Il est condamné à mort pour « corruption sur terre » et reste détenu à la prison d’Evin. [1]",
            ),
        ),
        event(
            "2017-10-31",
            DAY,
            K.INTERNATIONAL_RESPONSE,
            t(
                "Three universities write to Iran’s judiciary",
                nl="Drie universiteiten schrijven aan het Iraanse gerecht",
                fr="Trois universités écrivent à la justice iranienne",
            ),
            t(
                "The Università del Piemonte Orientale, the Karolinska Institute and the Vrije Universiteit Brussel ask the head of the judiciary, Sadegh Larijani, to free him, citing his reputation and freedom of expression. [12]",
                nl="De Università del Piemonte Orientale, het Karolinska Instituut en de Vrije Universiteit Brussel vragen het hoofd van het gerecht, Sadegh Larijani, hem vrij te laten. Ze wijzen op zijn reputatie en op de vrijheid van meningsuiting. [12]",
                fr="L’Università del Piemonte Orientale, l’Institut Karolinska et la Vrije Universiteit Brussel demandent au chef du pouvoir judiciaire, Sadegh Larijani, de le libérer, en invoquant sa réputation et la liberté d’expression. [12]",
            ),
        ),
        event(
            "2017-11-01",
            MONTH,
            K.INTERNATIONAL_RESPONSE,
            t(
                "UN opinion 92/2017: the detention is arbitrary",
                nl="VN-advies 92/2017: de detentie is willekeurig",
                fr="Avis 92/2017 de l’ONU : la détention est arbitraire",
            ),
            t(
                "At its eightieth session, held from 20 to 24 November, the working group adopts opinion 92/2017: he must be freed at once and compensated. Iran does not respond. [4]",
                nl="Op haar tachtigste zitting, van 20 tot 24 november, neemt de werkgroep advies 92/2017 aan: hij moet onmiddellijk vrijkomen en schadeloos gesteld worden. Iran reageert niet. [4]",
                fr="Lors de sa quatre-vingtième session, du 20 au 24 novembre, le groupe de travail adopte l’avis 92/2017 : il doit être libéré sans délai et indemnisé. L’Iran ne répond pas. [4]",
            ),
        ),
        event(
            "2017-11-13",
            DAY,
            K.INTERNATIONAL_RESPONSE,
            t(
                "European University Association writes to the Supreme Leader",
                nl="European University Association schrijft aan de Opperste Leider",
                fr="L’Association européenne des universités écrit au Guide suprême",
            ),
            t(
                "The EUA asks for the death sentence to be reversed and for his immediate release, and voices its concern for him and his family. [10]",
                nl="De EUA vraagt het doodvonnis te herroepen en hem onmiddellijk vrij te laten, en uit haar bezorgdheid om hem en zijn gezin. [10]",
                fr="L’EUA demande l’annulation de la condamnation à mort et sa libération immédiate, et se dit inquiète pour lui et pour sa famille. [10]",
            ),
        ),
        event(
            "2017-12-01",
            MONTH,
            K.APPEAL,
            t(
                "Supreme Court upholds the sentence",
                nl="Hooggerechtshof bevestigt het vonnis",
                fr="La Cour suprême confirme la peine",
            ),
            t(
                "In a hurried, secret procedure that allows no submissions from the defence, the Supreme Court confirms the death sentence. [13]",
                nl="In een overhaaste, geheime procedure zonder enige inbreng van de verdediging bevestigt het Hooggerechtshof de doodstraf. [13]",
                fr="Au terme d’une procédure expéditive et secrète, sans aucune observation de la défense, la Cour suprême confirme la condamnation à mort. [13]",
            ),
        ),
        event(
            "2017-12-01",
            MONTH,
            K.STATEMENT,
            t(
                "Forced confession on state television",
                nl="Gedwongen bekentenis op de staatstelevisie",
                fr="Aveux forcés à la télévision d’État",
            ),
            t(
                "Five days after the ruling, state television airs a confession. He says he read a prepared text under threat, after being told it was the only way out of solitary confinement. [13]",
                nl="Vijf dagen na de uitspraak zendt de staatstelevisie een bekentenis uit. Volgens hem las hij onder dreiging een vooraf geschreven tekst voor, nadat men hem had gezegd dat hij alleen zo uit de isoleercel zou komen. [13]",
                fr="Cinq jours après l’arrêt, la télévision d’État diffuse des aveux. Il explique avoir lu sous la menace un texte rédigé d’avance, après qu’on lui eut dit que c’était le seul moyen de sortir de l’isolement. [13]",
            ),
        ),
        event(
            "2018-01-01",
            YEAR,
            K.HEALTH,
            t(
                "Blood tests show a low white cell count",
                nl="Bloedonderzoek toont te weinig witte bloedcellen",
                fr="Les analyses révèlent un faible taux de globules blancs",
            ),
            t(
                "Tests done in prison point to a low white blood cell count; his health has been declining since the arrest. [6]",
                nl="Onderzoek in de gevangenis wijst op een laag aantal witte bloedcellen; zijn gezondheid gaat sinds de arrestatie achteruit. [6]",
                fr="Des analyses faites en prison montrent un faible taux de globules blancs ; sa santé se dégrade depuis l’arrestation. [6]",
            ),
        ),
        event(
            "2018-01-01",
            MONTH,
            K.INTERNATIONAL_RESPONSE,
            t(
                "Scholars at Risk launches #SaveAhmad",
                nl="Scholars at Risk start #SaveAhmad",
                fr="Scholars at Risk lance #SaveAhmad",
            ),
            t(
                "The network starts a social-media campaign urging institutions to press for his release. [9]",
                nl="Het netwerk begint een campagne op sociale media die instellingen oproept om op zijn vrijlating aan te dringen. [9]",
                fr="Le réseau lance une campagne sur les réseaux sociaux pour inciter les institutions à exiger sa libération. [9]",
            ),
        ),
        event(
            "2018-02-09",
            DAY,
            K.INTERNATIONAL_RESPONSE,
            t(
                "UN experts call for the sentence to be lifted",
                nl="VN-experts vragen de straf op te heffen",
                fr="Des experts de l’ONU demandent l’annulation de la peine",
            ),
            t(
                "UN human rights experts urge Iran, for the second time, to annul the death sentence. [5] [3]",
                nl="VN-mensenrechtenexperts dringen er voor de tweede keer bij Iran op aan het doodvonnis te vernietigen. [5] [3]",
                fr="Des experts de l’ONU en droits de l’homme exhortent l’Iran, pour la deuxième fois, à annuler la condamnation à mort. [5] [3]",
            ),
        ),
        event(
            "2018-04-01",
            MONTH,
            K.INTERNATIONAL_RESPONSE,
            t(
                "Flemish universities suspend cooperation",
                nl="Vlaamse universiteiten schorten samenwerking op",
                fr="Les universités flamandes suspendent leur coopération",
            ),
            t(
                "The Flemish Interuniversity Council puts academic cooperation with Iranian institutions on hold and asks that he receive medical care. [11]",
                nl="De Vlaamse Interuniversitaire Raad legt de academische samenwerking met Iraanse instellingen stil en vraagt dat hij medische zorg krijgt. [11]",
                fr="Le Conseil interuniversitaire flamand suspend la coopération académique avec les institutions iraniennes et demande qu’il reçoive des soins. [11]",
            ),
        ),
        event(
            "2018-12-01",
            MONTH,
            K.INTERNATIONAL_RESPONSE,
            t(
                "Letter from 121 Nobel laureates",
                nl="Brief van 121 Nobelprijswinnaars",
                fr="Lettre de 121 lauréats du prix Nobel",
            ),
            t(
                "121 Nobel laureates write to Ayatollah Ali Khamenei asking that he be given medical care and set free. [8]",
                nl="121 Nobelprijswinnaars schrijven aan ayatollah Ali Khamenei en vragen medische zorg en zijn vrijlating. [8]",
                fr="121 lauréats du prix Nobel écrivent à l’ayatollah Ali Khamenei pour demander qu’il soit soigné et libéré. [8]",
            ),
        ),
        event(
            "2019-01-01",
            YEAR,
            K.HEALTH,
            t(
                "Hospital referral refused",
                nl="Doorverwijzing naar het ziekenhuis geweigerd",
                fr="Consultation à l’hôpital refusée",
            ),
            t(
                "A doctor who examines him in Evin prison early in the year recommends a haematologist in hospital. The request is turned down and the follow-up never happens. [6] [7]",
                nl="Een arts die hem begin dat jaar in de Evin-gevangenis onderzoekt, raadt een hematoloog in het ziekenhuis aan. Dat wordt geweigerd en de opvolging blijft uit. [6] [7]",
                fr="Un médecin qui l’examine à la prison d’Evin en début d’année recommande une consultation d’hématologie à l’hôpital. La demande est rejetée et le suivi n’a jamais lieu. [6] [7]",
            ),
        ),
        event(
            "2019-07-29",
            DAY,
            K.TRANSFER,
            t(
                "Taken to a secret location",
                nl="Naar een geheime plek gebracht",
                fr="Emmené dans un lieu secret",
            ),
            t(
                "He is moved from Evin prison to an undisclosed place for about ten days, tortured and threatened with execution to extract further confessions, then returned to Evin. [1] [14]",
                nl="Hij wordt voor ongeveer tien dagen van de Evin-gevangenis naar een onbekende plek gebracht, gefolterd en met executie bedreigd om meer bekentenissen los te krijgen, en daarna teruggebracht naar Evin. [1] [14]",
                fr="Il est emmené de la prison d’Evin vers un lieu tenu secret pendant une dizaine de jours, torturé et menacé d’exécution pour lui arracher d’autres aveux, puis ramené à Evin. [1] [14]",
            ),
        ),
        event(
            "2020-03-01",
            MONTH,
            K.INTERNATIONAL_RESPONSE,
            t(
                "Scholars at Risk asks for his release in the pandemic",
                nl="Scholars at Risk vraagt zijn vrijlating tijdens de pandemie",
                fr="Scholars at Risk demande sa libération face à la pandémie",
            ),
            t(
                "With COVID-19 spreading, the network writes to the Iranian authorities that his health makes an unconditional release urgent. [15]",
                nl="Nu COVID-19 zich verspreidt, schrijft het netwerk de Iraanse autoriteiten dat zijn gezondheid een onvoorwaardelijke vrijlating dringend maakt. [15]",
                fr="Alors que le COVID-19 se propage, le réseau écrit aux autorités iraniennes que son état de santé rend urgente une libération sans condition. [15]",
            ),
        ),
        event(
            "2020-03-01",
            MONTH,
            K.OTHER,
            t(
                "Left out of the pandemic prisoner release",
                nl="Niet vrijgelaten bij de coronavrijlatingen",
                fr="Exclu des libérations liées à la pandémie",
            ),
            t(
                "Iran lets some 85,000 prisoners out to curb COVID-19, political prisoners among them, but he is not one of them. [17]",
                nl="Iran laat zowat 85.000 gevangenen vrij om COVID-19 in te dammen, ook politieke gevangenen, maar hij hoort daar niet bij. [17]",
                fr="L’Iran libère quelque 85 000 détenus pour freiner le COVID-19, dont des prisonniers politiques, mais il n’en fait pas partie. [17]",
            ),
        ),
    ]
    return [("event", value) for value in events]


def sources(t: Catalogue) -> list[tuple[str, dict]]:
    """The numbered sources: their order gives the numbers the texts cite."""
    ohchr = t(
        "UN Human Rights Office (OHCHR)",
        nl="VN-Mensenrechtenbureau (OHCHR)",
        fr="Haut-Commissariat des Nations unies aux droits de l’homme (HCDH)",
    )
    amnesty = t(
        "Amnesty International", nl="Amnesty International", fr="Amnesty International"
    )
    sar = t("Scholars at Risk", nl="Scholars at Risk", fr="Scholars at Risk")
    vub = t(
        "Vrije Universiteit Brussel",
        nl="Vrije Universiteit Brussel",
        fr="Vrije Universiteit Brussel",
    )
    values = [
        source(
            t(
                "Ahmadreza Djalali: case file and urgent actions",
                nl="Ahmadreza Djalali: dossier en dringende acties",
                fr="Ahmadreza Djalali : dossier et actions urgentes",
            ),
            amnesty,
            "https://www.amnesty.org/",
        ),
        source(
            t(
                "Ahmadreza Djalali, guest professor at the VUB",
                nl="Ahmadreza Djalali, gastprofessor aan de VUB",
                fr="Ahmadreza Djalali, professeur invité à la VUB",
            ),
            vub,
            "https://www.vub.be/",
        ),
        source(
            t(
                "UN experts’ first appeal to Iran to annul the death sentence (2017)",
                nl="Eerste oproep van VN-experts aan Iran om het doodvonnis te vernietigen (2017)",
                fr="Premier appel d’experts de l’ONU à l’Iran pour annuler la condamnation à mort (2017)",
            ),
            ohchr,
            "https://www.ohchr.org/",
        ),
        source(
            t(
                "Opinion No. 92/2017 of the Working Group on Arbitrary Detention",
                nl="Advies nr. 92/2017 van de Werkgroep inzake willekeurige detentie",
                fr="Avis no 92/2017 du Groupe de travail sur la détention arbitraire",
            ),
            ohchr,
            "https://www.ohchr.org/",
        ),
        source(
            t(
                "UN experts urge Iran to lift the death sentence",
                nl="VN-experts vragen Iran het doodvonnis op te heffen",
                fr="Des experts de l’ONU demandent à l’Iran de lever la condamnation à mort",
            ),
            ohchr,
            "https://www.ohchr.org/",
            "2018-02-09",
        ),
        source(
            t(
                "Concerns about his health in Evin prison",
                nl="Zorgen over zijn gezondheid in de Evin-gevangenis",
                fr="Inquiétudes sur sa santé à la prison d’Evin",
            ),
            amnesty,
            "https://www.amnesty.org/",
        ),
        source(
            t(
                "Letter of the WMA president to the Iranian authorities",
                nl="Brief van de voorzitter van de WMA aan de Iraanse autoriteiten",
                fr="Lettre du président de l’AMM aux autorités iraniennes",
            ),
            t(
                "World Medical Association",
                nl="World Medical Association",
                fr="Association médicale mondiale",
            ),
            "https://www.wma.net/",
        ),
        source(
            t(
                "Open letter of 121 Nobel laureates to Ayatollah Ali Khamenei",
                nl="Open brief van 121 Nobelprijswinnaars aan ayatollah Ali Khamenei",
                fr="Lettre ouverte de 121 lauréats du prix Nobel à l’ayatollah Ali Khamenei",
            ),
            "",
            "",
        ),
        source(
            t(
                "The #SaveAhmad campaign",
                nl="De campagne #SaveAhmad",
                fr="La campagne #SaveAhmad",
            ),
            sar,
            "https://www.scholarsatrisk.org/",
        ),
        source(
            t(
                "Letter of the EUA to the Supreme Leader of Iran",
                nl="Brief van de EUA aan de Opperste Leider van Iran",
                fr="Lettre de l’EUA au Guide suprême de l’Iran",
            ),
            t(
                "European University Association",
                nl="European University Association",
                fr="Association européenne des universités",
            ),
            "https://eua.eu/",
            "2017-11-13",
        ),
        source(
            t(
                "Flemish universities put cooperation with Iranian institutions on hold",
                nl="Vlaamse universiteiten leggen samenwerking met Iraanse instellingen stil",
                fr="Les universités flamandes suspendent leur coopération avec les institutions iraniennes",
            ),
            t(
                "Flemish Interuniversity Council (VLIR)",
                nl="Vlaamse Interuniversitaire Raad (VLIR)",
                fr="Conseil interuniversitaire flamand (VLIR)",
            ),
            "https://www.vlir.be/",
        ),
        source(
            t(
                "Letter of three universities to the head of Iran’s judiciary",
                nl="Brief van drie universiteiten aan het hoofd van het Iraanse gerecht",
                fr="Lettre de trois universités au chef du pouvoir judiciaire iranien",
            ),
            vub,
            "https://www.vub.be/",
            "2017-10-31",
        ),
        source(
            t(
                "Special Rapporteur’s 2020 report on human rights in the Islamic Republic of Iran",
                nl="Verslag van de speciale rapporteur over de mensenrechtensituatie in de Islamitische Republiek Iran (2020)",
                fr="Rapport du Rapporteur spécial sur la situation des droits de l’homme en République islamique d’Iran (2020)",
            ),
            ohchr,
            "https://www.ohchr.org/",
        ),
        source(
            t(
                "Annual report of the High Commissioner on the Islamic Republic of Iran (2020)",
                nl="Jaarverslag van de Hoge Commissaris over de Islamitische Republiek Iran (2020)",
                fr="Rapport annuel du Haut-Commissaire sur la République islamique d’Iran (2020)",
            ),
            ohchr,
            "https://www.ohchr.org/",
        ),
        source(
            t(
                "Letter calling for his release during the COVID-19 pandemic",
                nl="Brief met de vraag om zijn vrijlating tijdens de COVID-19-pandemie",
                fr="Lettre demandant sa libération pendant la pandémie de COVID-19",
            ),
            sar,
            "https://www.scholarsatrisk.org/",
        ),
        source(
            t(
                "Nowruz 2020 action for prisoners of conscience in Iran",
                nl="Nowruz-actie 2020 voor gewetensgevangenen in Iran",
                fr="Action Norouz 2020 pour les prisonniers d’opinion en Iran",
            ),
            amnesty,
            "https://www.amnesty.org/",
        ),
        source(
            t(
                "Temporary release of prisoners during the COVID-19 outbreak",
                nl="Tijdelijke vrijlating van gevangenen tijdens de COVID-19-uitbraak",
                fr="Libérations temporaires de détenus pendant l’épidémie de COVID-19",
            ),
            t("Iran Human Rights", nl="Iran Human Rights", fr="Iran Human Rights"),
            "https://iranhr.net/",
        ),
    ]
    return [("source", value) for value in values]


def updates(t: Catalogue) -> list[tuple[str, dict]]:
    """The latest news of the case (the page puts them newest first)."""
    values = [
        update(
            "2020-03-01",
            MONTH,
            t(
                "Amnesty International makes his case one of seven in its Nowruz 2020 action for prisoners of conscience in Iran. [16]",
                nl="Amnesty International neemt zijn zaak op als een van de zeven in haar Nowruz-actie 2020 voor gewetensgevangenen in Iran. [16]",
                fr="Amnesty International retient son cas parmi les sept de son action Norouz 2020 pour les prisonniers d’opinion en Iran. [16]",
            ),
        ),
        update(
            "2020-03-01",
            MONTH,
            t(
                "He is not among the roughly 85,000 prisoners Iran let out because of COVID-19. [17]",
                nl="Hij zit niet bij de ongeveer 85.000 gevangenen die Iran wegens COVID-19 vrijliet. [17]",
                fr="Il ne figure pas parmi les quelque 85 000 détenus que l’Iran a relâchés à cause du COVID-19. [17]",
            ),
        ),
        update(
            "2020-01-01",
            YEAR,
            t(
                "The UN High Commissioner’s 2020 report records his transfer of July 2019 and the medical treatment he has been denied. [14]",
                nl="Het verslag 2020 van de VN-Hoge Commissaris vermeldt zijn overbrenging van juli 2019 en de medische zorg die hem ontzegd wordt. [14]",
                fr="Le rapport 2020 du Haut-Commissaire de l’ONU mentionne son transfert de juillet 2019 et les soins qui lui sont refusés. [14]",
            ),
        ),
        update(
            "2020-01-01",
            YEAR,
            t(
                "The 2020 report of the UN Special Rapporteur on Iran cites his televised forced confession. [13]",
                nl="Het verslag 2020 van de speciale VN-rapporteur over Iran haalt zijn gedwongen bekentenis op televisie aan. [13]",
                fr="Le rapport 2020 du Rapporteur spécial de l’ONU sur l’Iran cite ses aveux forcés télévisés. [13]",
            ),
        ),
    ]
    return [("update", value) for value in values]
