package com.makeitright.cli.simulate;

import com.makeitright.cli.simulate.Scenario.Item;

import java.util.List;
import java.util.Map;

/**
 * The material complaints are made of, in the patterns of {@code examples/complaints-labeled.jsonl}: scenarios
 * per cause, and the openings and closings that make the same story calm, upset, angry or hostile.
 */
final class ComplaintTemplates {

    static final List<String> CAUSES = List.of("OUR_ERROR", "MISUNDERSTANDING", "MISPLACED_HOSTILITY",
            "UNREASONABLE", "SUSPECTED_ABUSE");
    static final List<String> ANGERS = List.of("CALM", "UPSET", "ANGRY", "HOSTILE");
    static final List<String> CHANNELS = List.of("PHONE", "EMAIL", "CHAT", "IN_PERSON", "SOCIAL_MEDIA", "WEB_FORM");
    static final List<String> TIERS = List.of("STANDARD", "STANDARD", "STANDARD", "SILVER", "SILVER", "GOLD", "PLATINUM");

    static final Map<String, List<Scenario>> SCENARIOS = Map.of(
            "OUR_ERROR", List.of(
                    new Scenario("OUR_ERROR", "Wrong CD shipped",
                            "I ordered the CD on small business marketing and instead received a disc with somebody's"
                                    + " music backup on it. I was looking forward to using it this week.",
                            "Send the right CD", Item.product("CD-MKT", "49.00")),
                    new Scenario("OUR_ERROR", "Order arrived incomplete",
                            "My order of three mugs arrived with only two in the box. The packing slip lists three.",
                            "Send the missing mug", Item.product("MUG-SET-3", "36.00")),
                    new Scenario("OUR_ERROR", "Charged twice",
                            "I received the same order twice and was charged twice for it. I will send the extra back"
                                    + " if you refund the second charge.",
                            "Refund the second charge", Item.product("INK-XL", "45.00")),
                    new Scenario("OUR_ERROR", "Waited two hours",
                            "I had a 10am appointment and was only seen at noon, nobody told me about the delay. I"
                                    + " lost half a day of work.",
                            null, Item.product("SVC-APPT", "90.00")),
                    new Scenario("OUR_ERROR", "Consulting report was wrong",
                            "The market analysis you delivered used last year's figures throughout. We presented it"
                                    + " to our board before noticing, and only the first chapters were finished.",
                            "Redo the report free of charge", Item.service("CONS-REPORT", "4500.00", "0.6")),
                    new Scenario("OUR_ERROR", "Garden work left unfinished",
                            "Your crew laid half of the patio and has not come back for two weeks. The other half of"
                                    + " the garden is a building site.",
                            "Finish the job or refund the rest", Item.service("GARDEN-PATIO", "1800.00", "0.5")),
                    new Scenario("OUR_ERROR", "Kettle broke in a week",
                            "The kettle I bought stopped heating after one week of normal use. The light comes on"
                                    + " but nothing happens.",
                            "A working kettle", Item.product("KETTLE-17", "39.90", "EUR")),
                    new Scenario("OUR_ERROR", "Food made us sick",
                            "Your chicken salad made my whole family sick, we were up all night.",
                            null, Item.product("SALAD-CHK", "12.50"))),
            "MISUNDERSTANDING", List.of(
                    new Scenario("MISUNDERSTANDING", "Refund refused",
                            "Your store refused to refund my opened headphones. I thought you took back anything"
                                    + " within 30 days, that is what I understood from the sign at the till.",
                            null, Item.product("HP-200", "59.00")),
                    new Scenario("MISUNDERSTANDING", "Price different in store",
                            "The price in the app was lower than the price at the store counter. I assumed they were"
                                    + " the same. Is the app price only for online orders?",
                            null, Item.product("VAC-300", "199.00")),
                    new Scenario("MISUNDERSTANDING", "Early termination fee",
                            "What is this early termination fee? Nobody told me there was a 12-month minimum. I"
                                    + " suppose it was in the contract I signed, but who reads those?",
                            "Waive the fee", Item.product("PLAN-12M", "120.00")),
                    new Scenario("MISUNDERSTANDING", "Warranty does not cover it",
                            "I was told the warranty covers everything, but now the screen crack is not covered. I"
                                    + " understood it was all included.",
                            "Repair under warranty", Item.product("PHONE-X2", "649.00", "GBP")),
                    new Scenario("MISUNDERSTANDING", "Lessons not what I expected",
                            "I booked the course thinking it included the exam fee. Half of the lessons are done and"
                                    + " now I learn the exam costs extra.",
                            null, Item.service("COURSE-ACC", "800.00", "0.5")),
                    new Scenario("MISUNDERSTANDING", "Delivery fee appeared",
                            "The website said free delivery, but I was charged for it. I did not realise free"
                                    + " delivery starts at 50 dollars.",
                            "Refund the delivery fee", Item.product("BOOK-PACK", "42.00"))),
            "MISPLACED_HOSTILITY", List.of(
                    new Scenario("MISPLACED_HOSTILITY", "Password reset email",
                            "Traffic was hell, work was hell, and now your password reset email takes two minutes to"
                                    + " arrive. Why is everything so slow today?",
                            null, null),
                    new Scenario("MISPLACED_HOSTILITY", "Color of the website",
                            "I had a fight with my landlord this morning. Your new website colours are hard on the"
                                    + " eyes. Could there be a dark mode?",
                            null, null),
                    new Scenario("MISPLACED_HOSTILITY", "Newsletter",
                            "My day has been a disaster from start to finish and now I get your newsletter again.",
                            "Stop the newsletter", null),
                    new Scenario("MISPLACED_HOSTILITY", "Queue at the counter",
                            "My boss kept me late, I missed my train, and then there was a queue of four people at"
                                    + " your counter.",
                            null, Item.product("CAFE-LATTE", "4.20"))),
            "UNREASONABLE", List.of(
                    new Scenario("UNREASONABLE", "I want everything for free",
                            "Your pen ran out of ink after a month. I want free pens for life and 5,000 dollars for"
                                    + " emotional damage.",
                            "5,000 dollars and free pens for life", Item.product("PEN-BLK", "3.50")),
                    new Scenario("UNREASONABLE", "Rain ruined my picnic",
                            "Your weather widget said 20 percent chance of rain and it rained on my picnic. I demand"
                                    + " you pay for my entire vacation and a new wardrobe.",
                            "Pay for my vacation", null),
                    new Scenario("UNREASONABLE", "Ten-year-old sofa",
                            "The sofa I bought from you ten years ago is worn out. I expect a brand new one delivered"
                                    + " tomorrow, free, plus the removal of my old kitchen.",
                            "A new sofa and kitchen removal", Item.product("SOFA-3S", "1200.00")),
                    new Scenario("UNREASONABLE", "Haircut not like the photo",
                            "The haircut does not make me look like the actor in the photo I showed. I want the cut"
                                    + " refunded ten times over and a year of free haircuts.",
                            "Ten times the price back", Item.service("HAIR-CUT", "45.00", "1.0"))),
            "SUSPECTED_ABUSE", List.of(
                    new Scenario("SUSPECTED_ABUSE", "Suit return",
                            "I bought the suit on Friday for an interview on Saturday and a party on Sunday. The"
                                    + " lining is now slightly torn so it must be defective, I would like to return it.",
                            "Full refund", Item.product("SUIT-NVY", "420.00")),
                    new Scenario("SUSPECTED_ABUSE", "Another missing package",
                            "Once again my parcel shows delivered but I do not have it. This is the fifth time this"
                                    + " year, please just refund it like the previous times.",
                            "Refund", Item.product("WATCH-S2", "399.00")),
                    new Scenario("SUSPECTED_ABUSE", "Dress returned after the wedding",
                            "I wore the dress once at my sister's wedding and now there is a stain, so it is faulty."
                                    + " I want my money back.",
                            "Full refund", Item.product("DRESS-EVE", "310.00")),
                    new Scenario("SUSPECTED_ABUSE", "Camera never worked",
                            "The camera never worked from day one, although the photos of our holiday came out fine."
                                    + " Refund it please, as with the last two cameras.",
                            "Refund", Item.product("CAM-Z50", "899.00", "EUR"))));

    static final Map<String, List<String>> OPENINGS = Map.of(
            "CALM", List.of("Hello,", "Hi,", "Dear team,", "Good morning,"),
            "UPSET", List.of("I am disappointed.", "Not a good experience.", "I have to complain."),
            "ANGRY", List.of("This is outrageous!", "Unbelievable!", "I am really angry!"),
            "HOSTILE", List.of("You idiots!", "You incompetent people!", "What a bunch of clowns!"));

    static final Map<String, List<String>> CLOSINGS = Map.of(
            "CALM", List.of("Could you help? Thanks.", "Best regards.", "Thank you in advance."),
            "UPSET", List.of("Not happy about this.", "I expected better.", "Getting tired of this.",
                    "Quite disappointed."),
            "ANGRY", List.of("This is a serious failure and I expect it fixed now!", "Fix this immediately!",
                    "I want this sorted out today!"),
            "HOSTILE", List.of("You should all be fired, I am calling my lawyer.",
                    "You are all worthless and I will tell everyone.",
                    "Damn you people, I will come down there myself."));

    static final List<String> FIRST_NAMES = List.of("Dana", "Leo", "Gus", "Zoe", "Ray", "Kim", "Amir", "Grace",
            "Victor", "Tina", "Hal", "June", "Mark", "Fran", "Olu", "Pete", "Ines", "Bruno", "Mei", "Sven");
    static final List<String> LAST_NAMES = List.of("Reyes", "Marsh", "Pratt", "Hart", "Dunn", "Sato", "Haddad",
            "Kim", "Lange", "Webb", "Benson", "Park", "Ellis", "Dixon", "Adeyemi", "Vance", "Costa", "Novak");

    private ComplaintTemplates() {
    }
}
