// A made-up case the template editor previews against: every placeholder has something to
// show, and two grounds (works with no alternative offered, and a threat to public order)
// bring in the conditional arguments. Not a real person or case.
import type { FilingCase } from "./filings";

export const SAMPLE_FILING_CASE: FilingCase = {
  id: "sample",
  title: "Rally against domestic violence (sample)",
  procedure: "notification",
  city: "Almaty",
  purpose: "Against domestic violence",
  filedOn: "2026-02-20",
  filedOnPrecision: "day",
  registrationNumber: "ЖТ-2026-0412",
  version: 3,
  group: { name: "Sample initiative" },
  organizers: [{ group: { name: "Sample initiative" } }],
  authority: { name: "Akimat of Almaty", nameRu: "Акимат города Алматы", city: "Almaty" },
  applicants: [{ role: "applicant", person: { fullName: "Айгерим Пример", idNumber: "900101400000", address: "Almaty, Abai Ave 1, apt 1", phone: "" } }],
  parts: [
    {
      id: "sample-part",
      form: "rally",
      place: "Square by the Abai monument",
      route: "",
      eventDate: "2026-03-08",
      eventDatePrecision: "day",
      startTime: "12:00",
      endTime: "14:00",
      expectedParticipants: 300,
      equipment: "sound",
    },
  ],
  answers: [
    {
      receivedOn: "2026-02-25",
      receivedOnPrecision: "day",
      referenceNumber: "ЗТ-Б-1234",
      statedReason: "Repair works are planned on the square; the event may threaten public order.",
      articleCited: "Art. 14(1)(3), (7)",
      alternativeOffered: false,
      alternativeDetails: "",
      conflictingBookingHolder: "",
      partOutcomes: [{ partId: "sample-part", outcome: "refused" }],
      grounds: [
        { articleCited: "", words: "repair works are planned on the square", ground: { code: "works", labelEn: "Construction or repair works at the place", labelRu: "Строительные или ремонтные работы на месте", article: "Art. 14(1)(7)" } },
        { articleCited: "", words: "the event may threaten public order", ground: { code: "security_threat", labelEn: "Threat to security, public order or health", labelRu: "Угроза безопасности, общественному порядку или здоровью", article: "Art. 14(1)(3)" } },
      ],
      evidence: [{ stance: "contests", observedOn: "2026-03-01", observedOnPrecision: "day", observer: "organizers", description: "The square was open and no works were under way." }],
    },
  ],
  appealStages: [],
};
